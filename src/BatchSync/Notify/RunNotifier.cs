using BatchSync.Core.Workflows.Model;
using BatchSync.Core.Workflows.References;
using Serilog;

namespace BatchSync.Notify;

/// <summary>
/// Sends a run's message where the workflow's <c>notify:</c> asks, for the outcomes it lists. A notification that
/// cannot be sent is logged as a warning and otherwise ignored: it never changes the run's exit code.
/// </summary>
internal sealed class RunNotifier(SlackWebhook slack)
{
    /// <summary>
    /// Sends <paramref name="notice"/> when the workflow asks for its outcome. <c>reportLink</c> makes the report's
    /// link (a presigned URL on S3) only then; a failure to make it is a failure of the notification, not of the run.
    /// </summary>
    public async Task NotifyAsync(WorkflowDefinition workflow, ReferenceResolver references, RunNotice notice, Func<Task<string>>? reportLink, ILogger log, CancellationToken cancellationToken)
    {
        if (workflow.Notify?.Slack is not { } settings || !settings.On.Contains(notice.Succeeded ? NotifyEvent.Success : NotifyEvent.Failure))
        {
            return;
        }

        try
        {
            var webhook = await references.ResolveAsync(settings.Webhook, cancellationToken);
            if (reportLink is not null)
            {
                notice = notice with { ReportLink = await reportLink() };
            }

            await slack.PostAsync(webhook, SlackMessage.Build(notice, settings.Mention), cancellationToken);
            log.ForContext("event", "notified").Information("Slack notified of the run's {outcome}", notice.Succeeded ? "success" : "failure");
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The reference (secret:ID) is safe to name; the resolved URL is never part of a message.
            log.ForContext("event", "notify_failed").Warning("The Slack notification (webhook {webhook}) was not sent: {error}", settings.Webhook.ToString(), exception.Message);
        }
    }
}
