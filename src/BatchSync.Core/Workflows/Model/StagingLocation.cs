namespace BatchSync.Core.Workflows.Model;

/// <summary>An S3 bucket and key prefix, or a local folder.</summary>
public sealed record StagingLocation
{
    private StagingLocation(string? bucket, string prefix, string? folder)
    {
        Bucket = bucket;
        Prefix = prefix;
        Folder = folder;
    }

    /// <summary>The bucket for S3 staging; null for a local folder.</summary>
    public string? Bucket { get; }

    /// <summary>The key prefix in the bucket, empty or ending with '/'.</summary>
    public string Prefix { get; }

    /// <summary>The folder for local staging; null for S3.</summary>
    public string? Folder { get; }

    public bool IsS3 => Bucket is not null;

    public static StagingLocation S3(string bucket, string prefix)
    {
        var normalized = prefix.Trim('/');
        return new StagingLocation(bucket, normalized.Length == 0 ? string.Empty : normalized + "/", null);
    }

    public static StagingLocation Local(string folder) => new(null, string.Empty, folder);

    public override string ToString() => IsS3 ? $"s3://{Bucket}/{Prefix}" : Folder!;
}
