using Amazon.Runtime;
using BatchSync.Aws.Fake;
using BatchSync.Aws.Staging;
using BatchSync.Testing;

namespace BatchSync.Aws.Tests.Staging;

/// <summary>
/// A lane killed mid-part leaves an S3 multipart upload that nobody completes or aborts; the retried item must abort
/// it. s3rver keeps multipart uploads but lists none, so the S3 stand-in answers ListMultipartUploads and
/// AbortMultipartUpload as the S3 API reference describes them.
/// </summary>
public sealed class S3UnfinishedUploadTests : IAsyncLifetime
{
    private S3rverServer _s3 = null!;
    private S3StandIn _standIn = null!;

    public async Task InitializeAsync()
    {
        _s3 = await S3rverServer.StartAsync();
        _standIn = await S3StandIn.StartAsync(_s3.ServiceUrl);
    }

    public async Task DisposeAsync()
    {
        await _standIn.DisposeAsync();
        await _s3.DisposeAsync();
    }

    [Fact]
    public async Task The_unfinished_uploads_of_an_item_are_aborted_and_other_items_are_left_alone()
    {
        using var client = S3ClientFactory.Create(_standIn.ServiceUrl, "us-east-1", new BasicAWSCredentials(S3rverServer.AccessKey, S3rverServer.SecretKey));
        await client.PutBucketAsync("staging");
        var store = new S3StagingStore(client, S3StagingLocation.Parse("s3://staging/batchsync/"));
        var bigger = new byte[S3MultipartObjectWriter.PartSize + 1024];
        // Killed writers: a part of this item and one of its neighbour, each past its first 8 MiB multipart part.
        var killed = await store.OpenWriterAsync("runs/shop/r1/tables/t/items/00000/part-00000.csv.gz", CancellationToken.None);
        await killed.WriteAsync(bigger, CancellationToken.None);
        var neighbour = await store.OpenWriterAsync("runs/shop/r1/tables/t/items/000001/part-00000.csv.gz", CancellationToken.None);
        await neighbour.WriteAsync(bigger, CancellationToken.None);
        Assert.Equal(2, _standIn.OpenUploads.Count);

        var withdrawn = await store.WithdrawUnfinishedAsync("runs/shop/r1/tables/t/items/00000/", CancellationToken.None);

        Assert.Equal(1, withdrawn);
        Assert.Equal(["staging/batchsync/runs/shop/r1/tables/t/items/000001/part-00000.csv.gz"], _standIn.OpenUploads.Values);
        Assert.Equal(0, await store.WithdrawUnfinishedAsync("runs/shop/r1/tables/t/items/00000/", CancellationToken.None));
    }
}
