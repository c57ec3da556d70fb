namespace BatchSync.Core.Workflows.Model;

/// <summary>Where gzip CSV parts, manifests and state live.</summary>
public sealed record StagingSettings
{
    public const string DefaultLocalFolder = ".batchsync/staging";

    public const int DefaultPartSizeMb = 256;

    /// <summary>The largest part_size_mb: 3 GiB, well under BigQuery's 4 GB limit for one gzip CSV file.</summary>
    public const int MaxPartSizeMb = 3072;

    public StagingLocation Location { get; init; } = StagingLocation.Local(DefaultLocalFolder);

    /// <summary>SSE-KMS key for S3 staging; SSE-S3 when null.</summary>
    public string? KmsKeyId { get; init; }

    public int PartSizeMb { get; init; } = DefaultPartSizeMb;
}
