using BatchSync.Infra.Configuration;
using BatchSync.Infra.Workflows;

namespace BatchSync.Infra.Scheduling;

/// <summary>What the schedule rules submit to, and for which workflows.</summary>
public sealed record ScheduleResources(StackSettings Settings, IReadOnlyList<ScheduledWorkflow> Workflows, string JobQueueArn);
