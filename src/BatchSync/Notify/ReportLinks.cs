using BatchSync.Aws.Staging;
using BatchSync.Core.Runs;

namespace BatchSync.Notify;

/// <summary>Where a message's reader opens the report: a presigned HTTPS link on S3, the file's path locally.</summary>
internal static class ReportLinks
{
    /// <summary>SigV4 presigned links live at most 7 days; one from a job role's session ends with the session.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public static async Task<string> OfAsync(IRunDocuments documents, string key)
        => documents is S3StagingStore s3 ? await s3.PresignedUrlAsync(key, Lifetime) : documents.AddressOf(key);
}
