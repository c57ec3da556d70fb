using System.Globalization;
using System.Text;
using Amazon.Runtime;
using BatchSync.Aws.Fake;
using BatchSync.Aws.Staging;
using BatchSync.BigQuery.Jobs;
using BatchSync.BigQuery.Loading;
using BatchSync.BigQuery.Tests.Support;
using BatchSync.Core.Schema;
using BatchSync.Core.Stage;
using BatchSync.Testing;
using static BatchSync.BigQuery.Tests.Support.BigQueryTestEnvironment;

namespace BatchSync.BigQuery.Tests;

/// <summary>
/// A part whose read from staging breaks halfway (an S3 connection reset, or a stream that just stops) must resume
/// with a read from the byte it stopped at, and never be uploaded short.
/// </summary>
public sealed class DroppedReadTests
{
    private static readonly BigQueryTableSchema People = Schema(("id", BigQueryType.Int64), ("name", BigQueryType.String));

    [Fact]
    public async Task A_read_that_fails_halfway_resumes_from_the_byte_it_stopped_at()
    {
        await using var env = await StartAsync();
        var (bytes, ids) = Part(12000);
        var opens = new List<long>();
        var source = new PartSource(
            (offset, _) =>
            {
                opens.Add(offset);
                Stream stream = new MemoryStream(bytes[(int)offset..], writable: false);
                return Task.FromResult(opens.Count == 1 ? new BreakingStream(stream, breakAfter: 300_000, endQuietly: false) : stream);
            },
            bytes.Length);

        var rows = await env.Destination.LoadPartAsync(Table("people"), source, JobIds.Create("r", "people", 0, "load"), People, new CsvLoadOptions(), CancellationToken.None);

        Assert.Equal(ids.Count, rows);
        Assert.Equal(ids, env.Rows("people").Select(r => r["id"]!).ToList());
        Assert.Equal(2, opens.Count);
        Assert.Equal(300_000, opens[1]);
    }

    [Fact]
    public async Task A_read_that_ends_before_the_part_does_is_resumed_not_uploaded_short()
    {
        await using var env = await StartAsync();
        var (bytes, ids) = Part(12000);
        var opens = new List<long>();
        var source = new PartSource(
            (offset, _) =>
            {
                opens.Add(offset);
                Stream stream = new MemoryStream(bytes[(int)offset..], writable: false);
                return Task.FromResult(opens.Count == 1 ? new BreakingStream(stream, breakAfter: 400_000, endQuietly: true) : stream);
            },
            bytes.Length);

        var rows = await env.Destination.LoadPartAsync(Table("people"), source, JobIds.Create("r", "people", 0, "load"), People, new CsvLoadOptions(), CancellationToken.None);

        Assert.Equal(ids.Count, rows);
        Assert.Equal([0L, 400_000L], opens);
    }

    [Fact]
    public async Task A_part_read_from_s3_whose_connection_drops_mid_object_resumes_with_a_ranged_get()
    {
        await using var env = await StartAsync();
        await using var s3 = await S3rverServer.StartAsync();
        await using var proxy = await S3StandIn.StartAsync(s3.ServiceUrl);
        var credentials = new BasicAWSCredentials(S3rverServer.AccessKey, S3rverServer.SecretKey);
        using var direct = S3ClientFactory.Create(s3.ServiceUrl, "us-east-1", credentials);
        using var flaky = S3ClientFactory.Create(proxy.ServiceUrl, "us-east-1", credentials);
        await direct.PutBucketAsync("staging");
        var location = S3StagingLocation.Parse("s3://staging/batchsync/");
        var (bytes, ids) = Part(12000);
        await new S3StagingStore(direct, location).WriteObjectAsync("part-00000.csv.gz", bytes, CancellationToken.None);
        proxy.DropReads("part-00000.csv.gz", afterBytes: 350_000, times: 2);
        var store = new S3StagingStore(flaky, location);
        var source = new PartSource(async (offset, ct) => (await store.OpenReadAsync("part-00000.csv.gz", offset, ct))!, bytes.Length);

        var rows = await env.Destination.LoadPartAsync(Table("people"), source, JobIds.Create("r", "people", 0, "load"), People, new CsvLoadOptions(), CancellationToken.None);

        Assert.Equal(ids.Count, rows);
        Assert.Equal(ids, env.Rows("people").Select(r => r["id"]!).ToList());
        Assert.Equal(2, proxy.Dropped);
        // The first GET is for the whole object; each one after a reset asks only for the bytes not yet read.
        Assert.Equal(3, proxy.Ranges.Count);
        Assert.Equal("", proxy.Ranges[0]);
        Assert.All(proxy.Ranges.Skip(1), r => Assert.Matches("^bytes=[0-9]+-$", r));
        var starts = proxy.Ranges.Skip(1).Select(r => long.Parse(r["bytes=".Length..^1], CultureInfo.InvariantCulture)).ToList();
        Assert.True(starts[0] > 0 && starts[1] > starts[0] && starts[1] <= 700_000, string.Join(", ", proxy.Ranges));
    }

    /// <summary>A gzip part of random text large enough for several 256 KiB upload chunks.</summary>
    private static (byte[] Bytes, List<string> Ids) Part(int count)
    {
        var random = new Random(7);
        var csv = new StringBuilder();
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var id = i.ToString(CultureInfo.InvariantCulture);
            csv.Append(id).Append(',').Append(Convert.ToBase64String(Enumerable.Range(0, 90).Select(_ => (byte)random.Next(256)).ToArray())).Append('\n');
            ids.Add(id);
        }

        var bytes = Gzip.Compress(csv.ToString());
        Assert.True(bytes.Length > 800_000, $"the part is {bytes.Length} bytes; the test needs several chunks");
        return (bytes, ids);
    }

    /// <summary>Passes reads through until <c>breakAfter</c> bytes, then fails as a reset connection does, or just ends.</summary>
    private sealed class BreakingStream(Stream inner, long breakAfter, bool endQuietly) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_position >= breakAfter)
            {
                return endQuietly ? 0 : throw new IOException("The response ended prematurely. (ResponseEnded)");
            }

            var read = await inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, breakAfter - _position)], cancellationToken);
            _position += read;
            return read;
        }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
