using BatchSync.Infra.Configuration;

namespace BatchSync.Infra.Jobs;

/// <summary>What the job definitions refer to.</summary>
public sealed record JobDefinitionResources(
    StackSettings Settings,
    string ImageUri,
    JobRoles Roles,
    string JobQueueArn,
    string LogGroupName);
