using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.S3;
using BatchSync.Infra.Configuration;
using Constructs;

namespace BatchSync.Infra.Storage;

/// <summary>
/// The staging bucket: gzip CSV parts and run documents under <c>&lt;prefix&gt;runs/</c> (they expire), incremental
/// watermarks under <c>&lt;prefix&gt;state/</c> (kept). Private, TLS only, encrypted; abandoned multipart uploads
/// are aborted after a day as a backstop to the exporter's own cleanup.
/// </summary>
public sealed class StagingBucket : Construct
{
    private readonly string prefix;

    public StagingBucket(Construct scope, string id, StackSettings settings)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(settings);
        prefix = settings.StagingPrefix;
        EncryptionKey = settings.KmsKeyArn is null ? null : Key.FromKeyArn(this, "Key", settings.KmsKeyArn);
        Bucket = new Bucket(this, "Bucket", new BucketProps
        {
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            Encryption = EncryptionKey is null ? BucketEncryption.S3_MANAGED : BucketEncryption.KMS,
            EncryptionKey = EncryptionKey,
            BucketKeyEnabled = EncryptionKey is not null,
            EnforceSSL = true,
            ObjectOwnership = ObjectOwnership.BUCKET_OWNER_ENFORCED,
            RemovalPolicy = RemovalPolicy.RETAIN,
            LifecycleRules = new ILifecycleRule[]
            {
                new LifecycleRule { Id = "abort-incomplete-uploads", AbortIncompleteMultipartUploadAfter = Duration.Days(1) },
                new LifecycleRule { Id = "expire-runs", Prefix = settings.RunsPrefix, Expiration = Duration.Days(settings.RunsExpirationDays) },
            },
        });
    }

    public IBucket Bucket { get; }

    public IKey? EncryptionKey { get; }

    /// <summary>The <c>staging.uri</c> workflows use to stage here.</summary>
    public string StagingUri => $"s3://{Bucket.BucketName}/{prefix}";

    /// <summary>What the jobs need to stage under the prefix (docs/aws.md, "Staging in S3"), and nothing outside it.</summary>
    public void GrantStaging(IGrantable grantee)
    {
        ArgumentNullException.ThrowIfNull(grantee);
        grantee.GrantPrincipal.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "ListStagingPrefix",
            Actions = ["s3:ListBucket"],
            Resources = [Bucket.BucketArn],
            Conditions = new Dictionary<string, object>
            {
                ["StringLike"] = new Dictionary<string, object> { ["s3:prefix"] = new[] { prefix + "*" } },
            },
        }));
        // A retried item aborts the multipart uploads its killed attempt left (docs/aws.md). This action takes no
        // s3:prefix condition; it lists upload keys and ids only, in BatchSync's own bucket.
        grantee.GrantPrincipal.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "ListUnfinishedUploads",
            Actions = ["s3:ListBucketMultipartUploads"],
            Resources = [Bucket.BucketArn],
        }));
        grantee.GrantPrincipal.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "StageObjects",
            Actions = ["s3:PutObject", "s3:GetObject", "s3:DeleteObject", "s3:AbortMultipartUpload"],
            Resources = [Bucket.ArnForObjects(prefix + "*")],
        }));
        EncryptionKey?.GrantEncryptDecrypt(grantee);
    }
}
