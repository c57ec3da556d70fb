using BatchSync.Core.Workflows.References;

namespace BatchSync.Core.Workflows.Model;

public sealed record NotifySettings(SlackNotification? Slack);

/// <summary>An incoming-webhook message after a run.</summary>
public sealed record SlackNotification(ValueReference Webhook, IReadOnlySet<NotifyEvent> On, string? Mention);
