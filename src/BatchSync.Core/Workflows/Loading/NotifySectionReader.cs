using BatchSync.Core.Workflows.Model;

namespace BatchSync.Core.Workflows.Loading;

/// <summary>Reads <c>notify:</c>.</summary>
internal static class NotifySectionReader
{
    public static NotifySettings? Read(MapReader top)
    {
        if (top.Map("notify") is not { } node)
        {
            return null;
        }

        var map = new MapReader(node, "notify", top.Diagnostics, WorkflowKeys.Notify);
        return new NotifySettings(ReadSlack(map));
    }

    private static SlackNotification? ReadSlack(MapReader notify)
    {
        if (notify.Map("slack") is not { } node)
        {
            return null;
        }

        var map = new MapReader(node, "notify.slack", notify.Diagnostics, WorkflowKeys.Slack);
        if (!map.Has("webhook"))
        {
            map.ReportMissing("webhook", "write webhook: secret:<id> holding the incoming-webhook URL");
        }

        var webhook = map.SecretReference("webhook", "secret:prod/slack/batchsync");
        var events = new HashSet<NotifyEvent>();
        foreach (var item in map.StringList("on") ?? [])
        {
            if (map.AsEnum(item, "notify.slack.on", EnumNames.NotifyEvents) is { } value)
            {
                events.Add(value);
            }
        }

        if (!map.Has("on"))
        {
            events.Add(NotifyEvent.Failure);
        }

        return webhook is null ? null : new SlackNotification(webhook, events, map.String("mention"));
    }
}
