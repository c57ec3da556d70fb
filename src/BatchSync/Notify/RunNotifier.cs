using BatchSync.Core.Workflows.Model;
using BatchSync.Core.Workflows.References;

namespace BatchSync.Notify;

/// <summary>
/// Sends a run's message where the workflow's <c>notify:</c> asks, for the outcomes it lists. A notification that
/// cannot be sent is reported on <c>log</c> and otherwise ignored: it never changes the run's exit code.
/// </summary>
internal sealed class RunNotifier(SlackWebhook slack)
{
    public async Task NotifyAsync(WorkflowDefinition workflow, ReferenceResolver references, RunNotice notice, TextWriter log, CancellationToken cancellationToken)
    {
        if (workflow.Notify?.Slack is not { } settings || !settings.On.Contains(notice.Succeeded ? NotifyEvent.Success : NotifyEvent.Failure))
        {
            return;
        }

        try
        {
            var webhook = await references.ResolveAsync(settings.Webhook, cancellationToken);
            await slack.PostAsync(webhook, SlackMessage.Build(notice, settings.Mention), cancellationToken);
            await log.WriteLineAsync($"Slack notified ({(notice.Succeeded ? "success" : "failure")}).");
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The reference (secret:ID) is safe to name; the resolved URL is never part of a message.
            await log.WriteLineAsync($"warning: the Slack notification (webhook {settings.Webhook}) was not sent: {exception.Message}");
        }
    }
}
