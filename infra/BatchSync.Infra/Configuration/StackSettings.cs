namespace BatchSync.Infra.Configuration;

/// <summary>
/// Everything the stack can be told, with the defaults a first deployment uses. Built by
/// <see cref="StackSettingsReader"/> from CDK context and checked by <see cref="StackSettingsValidator"/> before any
/// resource is created.
/// </summary>
public sealed record StackSettings
{
    /// <summary>The CloudFormation stack name.</summary>
    public string StackName { get; init; } = "BatchSync";

    /// <summary>Prefix of every named resource (queue, job definitions, repository, log group, rules).</summary>
    public string NamePrefix { get; init; } = "batchsync";

    /// <summary>Target account; null leaves the stack environment-agnostic.</summary>
    public string? Account { get; init; }

    /// <summary>Target region; null leaves the stack environment-agnostic.</summary>
    public string? Region { get; init; }

    /// <summary>An existing VPC for the jobs; null creates a small one (public subnets, no NAT gateway).</summary>
    public string? VpcId { get; init; }

    /// <summary>Subnets of <see cref="VpcId"/> the jobs run in; required with it.</summary>
    public IReadOnlyList<string> SubnetIds { get; init; } = [];

    /// <summary>Whether job tasks get a public IP; null means "yes when the stack creates the VPC, no otherwise".</summary>
    public bool? AssignPublicIp { get; init; }

    /// <summary>Upper bound of vCPUs the Fargate compute environment runs at once (all lanes of all runs).</summary>
    public int MaxVcpus { get; init; } = 16;

    /// <summary>vCPUs of each work (lane) job.</summary>
    public decimal WorkVcpus { get; init; } = 2m;

    /// <summary>Memory of each work (lane) job, in MiB.</summary>
    public int WorkMemoryMiB { get; init; } = 4096;

    /// <summary>Attempts per work child (BATCHSYNC_WORK_ATTEMPTS), 1-10.</summary>
    public int WorkAttempts { get; init; } = 3;

    /// <summary>Key prefix of BatchSync's objects in the staging bucket; workflows use <c>s3://bucket/prefix</c>.</summary>
    public string StagingPrefix { get; init; } = "batchsync/";

    /// <summary>Days after which run folders (<c>runs/</c>) expire; <c>state/</c> is always kept.</summary>
    public int RunsExpirationDays { get; init; } = 30;

    /// <summary>A customer-managed KMS key for the bucket; null uses SSE-S3.</summary>
    public string? KmsKeyArn { get; init; }

    /// <summary>Retention of the jobs' log group, in days (one of the values CloudWatch Logs accepts).</summary>
    public int LogRetentionDays { get; init; } = 30;

    /// <summary>Images the repository keeps; older ones expire.</summary>
    public int KeepImages { get; init; } = 30;

    /// <summary>Image tag the job definitions start with; CI registers new revisions with each build's tag.</summary>
    public string ImageTag { get; init; } = "latest";

    /// <summary>
    /// Secrets the jobs may read: names with wildcards (<c>batchsync/*</c>) in the stack's account and region, or
    /// full secret ARNs.
    /// </summary>
    public IReadOnlyList<string> SecretPatterns { get; init; } = ["batchsync/*"];

    /// <summary>The folder whose <c>*.yml</c> workflows get a schedule rule when they have a <c>schedule</c>.</summary>
    public string WorkflowsFolder { get; init; } = "workflows";

    /// <summary>Where CI gets the source on merge; null creates no CI project.</summary>
    public CiSource? CiSource { get; init; }

    /// <summary>The branch whose pushes (merges) start CI.</summary>
    public string CiBranch { get; init; } = "main";

    /// <summary>Whether the jobs get public IPs, after applying the default.</summary>
    public bool JobsGetPublicIp => AssignPublicIp ?? VpcId is null;

    public string RunJobDefinitionName => $"{NamePrefix}-run";

    public string WorkJobDefinitionName => $"{NamePrefix}-work";

    public string JobQueueName => $"{NamePrefix}-queue";

    /// <summary>Folder of run documents under the staging prefix; expires after <see cref="RunsExpirationDays"/>.</summary>
    public string RunsPrefix => StagingPrefix + "runs/";
}
