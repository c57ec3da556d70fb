using System.Security.Cryptography;
using BatchSync.Aws.Staging;
using BatchSync.Core.Stage;

namespace BatchSync.Aws.Tests.Staging;

public class S3StagingStoreTests(S3rverFixture s3) : IClassFixture<S3rverFixture>
{
    [Theory]
    [InlineData(0)]
    [InlineData(1_000)]
    [InlineData(S3MultipartObjectWriter.PartSize)]
    [InlineData((2 * S3MultipartObjectWriter.PartSize) + 12_345)]
    public async Task Committed_objects_hold_exactly_the_bytes_written(int size)
    {
        var (store, location) = await s3.NewStoreAsync();
        var content = RandomBytes(size, seed: size);

        await using (var writer = await store.OpenWriterAsync("runs/w/r/part-00000.csv.gz", default))
        {
            // Uneven writes cross part boundaries the way gzip chunks do.
            for (var offset = 0; offset < content.Length; offset += 777_777)
            {
                await writer.WriteAsync(content.AsMemory(offset, Math.Min(777_777, content.Length - offset)), default);
            }

            var committed = await writer.CommitAsync(default);
            Assert.Equal(size, committed.Length);
            Assert.Equal($"s3://{location.Bucket}/batchsync/runs/w/r/part-00000.csv.gz", committed.Uri);
        }

        using var response = await s3.Client.GetObjectAsync(location.Bucket, "batchsync/runs/w/r/part-00000.csv.gz");
        using var stored = new MemoryStream();
        await response.ResponseStream.CopyToAsync(stored);
        Assert.Equal(SHA256.HashData(content), SHA256.HashData(stored.ToArray()));
    }

    [Fact]
    public async Task A_presigned_link_reads_the_document_without_credentials_and_says_when_it_expires()
    {
        var (store, _) = await s3.NewStoreAsync();
        await store.WriteAsync("runs/w/r/report.html", "<p>report</p>", default);

        var link = new Uri(await store.PresignedUrlAsync("runs/w/r/report.html", TimeSpan.FromHours(12)));
        using var http = new HttpClient();
        var body = await http.GetStringAsync(link);

        Assert.Equal("<p>report</p>", body);
        // The SDK rounds the lifetime up to whole seconds from the moment it signs.
        var expires = System.Web.HttpUtility.ParseQueryString(link.Query)["X-Amz-Expires"];
        Assert.InRange(int.Parse(expires!, System.Globalization.CultureInfo.InvariantCulture), 43_199, 43_201);
        Assert.Contains("X-Amz-Signature=", link.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_object_abandoned_before_commit_never_appears()
    {
        var (store, _) = await s3.NewStoreAsync();

        await using (var writer = await store.OpenWriterAsync("items/0/part-00000.csv.gz", default))
        {
            await writer.WriteAsync(RandomBytes((3 * S3MultipartObjectWriter.PartSize) / 2, seed: 1), default);
        }

        Assert.Empty(await store.ListAsync("items/", default));
        Assert.Null(await store.ReadAsync("items/0/part-00000.csv.gz", default));
    }

    [Fact]
    public async Task Documents_round_trip_and_a_missing_one_reads_as_null()
    {
        var (store, _) = await s3.NewStoreAsync("deep/prefix");
        const string manifest = "{\"run\":\"20261121T000000Z-abcdef\",\"tables\":[\"顧客\"]}";

        await store.WriteAsync("runs/w/r/manifest.json", manifest, default);

        Assert.Equal(manifest, await store.ReadAsync("runs/w/r/manifest.json", default));
        Assert.Null(await store.ReadAsync("runs/w/r/missing.json", default));
    }

    [Fact]
    public async Task Listing_pages_through_every_object_under_a_prefix()
    {
        var (store, _) = await s3.NewStoreAsync();
        var names = Enumerable.Range(0, 1_005).Select(i => $"items/{i:D5}/status.json").ToList();
        await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (name, ct)
            => await store.WriteObjectAsync(name, "{}"u8.ToArray(), ct));
        await store.WriteObjectAsync("other/x.json", "{}"u8.ToArray(), default);

        var listed = await store.ListAsync("items/", default);

        Assert.Equal(names, listed);
    }

    [Fact]
    public async Task Deleting_withdraws_a_committed_object()
    {
        var (store, _) = await s3.NewStoreAsync();
        await store.WriteObjectAsync("a/part-00000.csv.gz", new byte[] { 1, 2, 3 }, default);

        await store.DeleteAsync("a/part-00000.csv.gz", default);

        Assert.Null(await store.ReadAsync("a/part-00000.csv.gz", default));
    }

    [Theory]
    [InlineData("s3://my-bucket/batchsync/", "my-bucket", "batchsync/")]
    [InlineData("s3://my-bucket", "my-bucket", "")]
    [InlineData("s3://my.bucket-1/a/b", "my.bucket-1", "a/b/")]
    public void Locations_parse_bucket_and_prefix(string uri, string bucket, string prefix)
        => Assert.Equal(new S3StagingLocation(bucket, prefix), S3StagingLocation.Parse(uri));

    [Theory]
    [InlineData("/local/folder")]
    [InlineData("s3://Upper_Case/x")]
    [InlineData("s3://ab/x")]
    public void Bad_locations_are_rejected_with_the_reason(string uri)
        => Assert.Contains("s3://", Assert.Throws<FormatException>(() => S3StagingLocation.Parse(uri)).Message);

    private static byte[] RandomBytes(int size, int seed)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
