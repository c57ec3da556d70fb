namespace BatchSync.Core.Workflows.Model;

/// <summary>Where gzip CSV parts, manifests and state live.</summary>
public sealed record StagingSettings
{
    public const string DefaultLocalFolder = ".batchsync/staging";

    public const int DefaultPartSizeMb = 256;

    public StagingLocation Location { get; init; } = StagingLocation.Local(DefaultLocalFolder);

    /// <summary>SSE-KMS key for S3 staging; SSE-S3 when null.</summary>
    public string? KmsKeyId { get; init; }

    public int PartSizeMb { get; init; } = DefaultPartSizeMb;
}
