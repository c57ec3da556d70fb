using BatchSync.Infra.Configuration;
using BatchSync.Infra.Images;
using BatchSync.Infra.Logging;
using BatchSync.Infra.Storage;

namespace BatchSync.Infra.Jobs;

/// <summary>What the job roles are granted access to.</summary>
public sealed record JobRoleResources(
    StackSettings Settings,
    ImageRepository Images,
    JobLogGroup Logs,
    StagingBucket Staging,
    string JobQueueArn);
