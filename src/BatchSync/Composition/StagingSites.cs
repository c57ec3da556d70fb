using System.Collections.Concurrent;
using BatchSync.Aws.Staging;
using BatchSync.Composition.Aws;

namespace BatchSync.Composition;

/// <summary>
/// Opens staging roots: a local folder, or <c>s3://bucket/prefix/</c>. One site per root and process, so every part of a
/// command shares one S3 client. A workflow's <c>staging.kms_key_id</c> is registered with <see cref="UseKmsKey"/>
/// once the workflow is known; sites opened after that encrypt new objects with it.
/// </summary>
internal static class StagingSites
{
    private static readonly ConcurrentDictionary<string, StagingSite> Sites = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string> KmsKeys = new(StringComparer.Ordinal);

    public static StagingSite Open(string root)
        => Sites.GetOrAdd(root, r => Create(r, KmsKeys.GetValueOrDefault(r)));

    /// <summary>Objects written under <paramref name="root"/> from now on use SSE-KMS with this key (null: SSE-S3).</summary>
    public static void UseKmsKey(string root, string? kmsKeyId)
    {
        if (kmsKeyId is null || KmsKeys.TryGetValue(root, out var known) && known == kmsKeyId)
        {
            return;
        }

        KmsKeys[root] = kmsKeyId;
        Sites.TryRemove(root, out _);
    }

    private static StagingSite Create(string root, string? kmsKeyId)
    {
        if (!S3StagingLocation.IsS3Uri(root))
        {
            var documents = new LocalFolderRunDocuments(root);
            return new StagingSite(root, documents.Store, documents);
        }

        var store = new S3StagingStore(AwsClients.S3(), S3StagingLocation.Parse(root), kmsKeyId);
        return new StagingSite(root, store, store);
    }
}
