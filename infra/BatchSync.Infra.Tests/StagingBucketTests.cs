using Amazon.CDK.Assertions;
using BatchSync.Infra.Tests.Support;

namespace BatchSync.Infra.Tests;

[Collection(DefaultStackCollection.Name)]
public sealed class StagingBucketTests(DefaultStackFixture fixture)
{
    private readonly SynthesizedStack stack = fixture.Stack;

    [Fact]
    public void Blocks_every_kind_of_public_access()
    {
        stack.Template.HasResourceProperties("AWS::S3::Bucket", new Dictionary<string, object>
        {
            ["PublicAccessBlockConfiguration"] = new Dictionary<string, object>
            {
                ["BlockPublicAcls"] = true,
                ["BlockPublicPolicy"] = true,
                ["IgnorePublicAcls"] = true,
                ["RestrictPublicBuckets"] = true,
            },
        });
    }

    [Fact]
    public void Encrypts_with_SSE_S3_when_no_key_is_given()
    {
        var bucket = stack.Resources("AWS::S3::Bucket").Values.Single();
        var rule = bucket.GetProperty("Properties").GetProperty("BucketEncryption").GetProperty("ServerSideEncryptionConfiguration")[0];
        Assert.Equal("AES256", rule.GetProperty("ServerSideEncryptionByDefault").GetProperty("SSEAlgorithm").GetString());
    }

    [Fact]
    public void Aborts_incomplete_uploads_after_a_day_and_expires_only_runs()
    {
        var rules = stack.Resources("AWS::S3::Bucket").Values.Single()
            .GetProperty("Properties").GetProperty("LifecycleConfiguration").GetProperty("Rules").EnumerateArray().ToList();

        var abort = Assert.Single(rules, r => r.TryGetProperty("AbortIncompleteMultipartUpload", out _));
        Assert.Equal(1, abort.GetProperty("AbortIncompleteMultipartUpload").GetProperty("DaysAfterInitiation").GetInt32());
        Assert.False(abort.TryGetProperty("Prefix", out _), "the abort rule must cover the whole bucket");

        var expiring = rules.Where(r => r.TryGetProperty("ExpirationInDays", out _)).ToList();
        var runs = Assert.Single(expiring);
        Assert.Equal("batchsync/runs/", runs.GetProperty("Prefix").GetString());
        Assert.Equal(45, runs.GetProperty("ExpirationInDays").GetInt32());
    }

    [Fact]
    public void Denies_requests_without_TLS()
    {
        var policy = stack.Resources("AWS::S3::BucketPolicy").Values.Single();
        var statements = policy.GetProperty("Properties").GetProperty("PolicyDocument").GetProperty("Statement").EnumerateArray();

        var denyPlainHttp = Assert.Single(statements, s => s.GetProperty("Effect").GetString() == "Deny");
        var secureTransport = denyPlainHttp.GetProperty("Condition").GetProperty("Bool").GetProperty("aws:SecureTransport");
        Assert.Equal("false", secureTransport.ToString(), ignoreCase: true);
        Assert.Equal("s3:*", denyPlainHttp.GetProperty("Action").GetString());
    }

    [Fact]
    public void Is_kept_when_the_stack_is_deleted()
    {
        stack.Template.HasResource("AWS::S3::Bucket", new Dictionary<string, object> { ["DeletionPolicy"] = "Retain" });
        stack.Template.ResourceCountIs("AWS::S3::Bucket", 1);
    }

    [Fact]
    public void Outputs_the_staging_uri_workflows_use()
    {
        stack.Template.HasOutput("StagingUri", new Dictionary<string, object>
        {
            ["Value"] = new Dictionary<string, object>
            {
                ["Fn::Join"] = new object[] { "", new object[] { "s3://", Match.AnyValue(), "/batchsync/" } },
            },
        });
    }
}
