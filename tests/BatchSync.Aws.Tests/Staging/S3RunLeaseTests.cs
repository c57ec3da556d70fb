using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using BatchSync.Aws.Fake;
using BatchSync.Aws.Staging;
using BatchSync.Core.Runs;
using BatchSync.Testing;

namespace BatchSync.Aws.Tests.Staging;

/// <summary>
/// docs/runs.md, one process per run: on S3 the lease is an object created only if absent (If-None-Match: *), deleted at
/// the end, and taken over by a retry of the same AWS Batch job. s3rver ignores If-None-Match, so these run through the
/// S3 stand-in, which answers conditional writes as S3 does (412 PreconditionFailed, 409 ConditionalRequestConflict).
/// </summary>
public sealed class S3RunLeaseTests : IAsyncLifetime
{
    private const string Lease = "runs/shop/r1/run.lease";

    private S3rverServer _s3 = null!;
    private S3StandIn _standIn = null!;
    private IAmazonS3 _client = null!;
    private S3StagingStore _store = null!;

    public async Task InitializeAsync()
    {
        _s3 = await S3rverServer.StartAsync();
        _standIn = await S3StandIn.StartAsync(_s3.ServiceUrl);
        _client = S3ClientFactory.Create(_standIn.ServiceUrl, "us-east-1", new BasicAWSCredentials(S3rverServer.AccessKey, S3rverServer.SecretKey));
        await _client.PutBucketAsync("staging");
        _store = new S3StagingStore(_client, S3StagingLocation.Parse("s3://staging/batchsync/"));
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _standIn.DisposeAsync();
        await _s3.DisposeAsync();
    }

    [Fact]
    public async Task The_stand_in_refuses_a_put_with_if_none_match_of_an_existing_key_with_412_as_s3_does()
    {
        // Plain bodies: s3rver keeps an aws-chunked body verbatim.
        await _client.PutObjectAsync(new PutObjectRequest { BucketName = "staging", Key = "k", ContentBody = "first", IfNoneMatch = "*", UseChunkEncoding = false });

        var refused = await Assert.ThrowsAsync<AmazonS3Exception>(() => _client.PutObjectAsync(new PutObjectRequest { BucketName = "staging", Key = "k", ContentBody = "second", IfNoneMatch = "*", UseChunkEncoding = false }));

        Assert.Equal((System.Net.HttpStatusCode.PreconditionFailed, "PreconditionFailed"), (refused.StatusCode, refused.ErrorCode));
        Assert.Equal("first", await ReadRawAsync("k"));
    }

    [Fact]
    public async Task A_lease_is_taken_only_while_no_other_run_holds_it_and_deleting_it_releases_it()
    {
        var first = await _store.TryAcquireAsync(Lease, Holder("host-a", jobId: null), default);
        var second = await _store.TryAcquireAsync(Lease, Holder("host-b", jobId: null), default);

        Assert.NotNull(first);
        Assert.Null(second);
        await first.DisposeAsync();
        Assert.Null(await _store.ReadAsync(Lease, default));
        var third = await _store.TryAcquireAsync(Lease, Holder("host-b", jobId: null), default);
        Assert.NotNull(third);
        Assert.Contains("host-b", await _store.ReadAsync(Lease, default), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retry_of_the_same_aws_batch_job_takes_over_the_lease_its_killed_attempt_left_and_another_job_does_not()
    {
        // The first attempt was killed outright: it never released its lease.
        Assert.NotNull(await _store.TryAcquireAsync(Lease, Holder("attempt-1", jobId: "job-7"), default));

        var otherJob = await _store.TryAcquireAsync(Lease, Holder("other", jobId: "job-8"), default);
        var noJob = await _store.TryAcquireAsync(Lease, Holder("laptop", jobId: null), default);
        var retry = await _store.TryAcquireAsync(Lease, Holder("attempt-2", jobId: "job-7"), default);

        Assert.Null(otherJob);
        Assert.Null(noJob);
        Assert.NotNull(retry);
        Assert.Contains("attempt-2", await _store.ReadAsync(Lease, default), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_conflicting_conditional_write_is_tried_again_as_s3_asks()
    {
        _standIn.ConflictConditionalWrites("run.lease", times: 2);

        var lease = await _store.TryAcquireAsync(Lease, Holder("host-a", jobId: null), default);

        Assert.NotNull(lease);
        Assert.Equal(2, _standIn.RefusedConditionalWrites);
        Assert.Contains("host-a", await _store.ReadAsync(Lease, default), StringComparison.Ordinal);
    }

    private static RunLeaseHolder Holder(string host, string? jobId) => new(host, 4242, jobId, DateTimeOffset.UnixEpoch);

    private async Task<string> ReadRawAsync(string key)
    {
        using var response = await _client.GetObjectAsync("staging", key);
        using var reader = new StreamReader(response.ResponseStream);
        return await reader.ReadToEndAsync();
    }
}
