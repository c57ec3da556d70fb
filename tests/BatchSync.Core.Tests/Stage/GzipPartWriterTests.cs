using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using BatchSync.Core.Stage;

namespace BatchSync.Core.Tests.Stage;

public sealed class GzipPartWriterTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "batchsync-parts-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task Many_chunks_make_one_valid_gzip_member_that_decodes_to_the_input()
    {
        var rows = MakeRows(40_000, seed: 1);
        var parts = await WriteAsync(rows, chunkBytes: 64 * 1024, new PartWriterOptions { MaxParallelism = 3 });

        var part = Assert.Single(parts);
        var bytes = await File.ReadAllBytesAsync(part.Uri);
        Assert.Equal(Encoding.UTF8.GetBytes(string.Concat(rows)), DecodeWithGZipStream(bytes));
        Assert.Equal(rows.Count, part.Rows);
        Assert.Equal(bytes.Length, part.CompressedBytes);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), part.Sha256);
        Assert.Equal(ReferenceCrc32.Compute(DecodeWithGZipStream(bytes)), BitConverter.ToUInt32(bytes.AsSpan(bytes.Length - 8)));
        await AssertGzipToolAcceptsAsync(part.Uri);
    }

    [Fact]
    public async Task Parts_rotate_at_chunk_boundaries_and_together_hold_every_row_once()
    {
        var rows = MakeRows(60_000, seed: 2);
        var parts = await WriteAsync(rows, chunkBytes: 32 * 1024, new PartWriterOptions { PartSizeBytes = 200 * 1024, MaxParallelism = 2 });

        Assert.True(parts.Count >= 3, $"expected several parts, got {parts.Count}");
        Assert.Equal(Enumerable.Range(0, parts.Count).Select(i => $"part-{i:D5}.csv.gz"), parts.Select(p => p.Name));
        var decoded = new StringBuilder();
        foreach (var part in parts)
        {
            await AssertGzipToolAcceptsAsync(part.Uri);
            var text = await ZcatAsync(part.Uri);
            Assert.EndsWith("\n", text, StringComparison.Ordinal);
            Assert.Equal(part.Rows, text.Count(c => c == '\n'));
            Assert.Equal(part.UncompressedBytes, Encoding.UTF8.GetByteCount(text));
            Assert.Equal(new FileInfo(part.Uri).Length, part.CompressedBytes);
            decoded.Append(text);
        }

        Assert.Equal(string.Concat(rows), decoded.ToString());
        Assert.Equal(rows.Count, parts.Sum(p => p.Rows));
    }

    [Fact]
    public async Task No_rows_still_make_one_valid_empty_part()
    {
        var parts = await WriteAsync([], chunkBytes: 1024, new PartWriterOptions());

        var part = Assert.Single(parts);
        Assert.Empty(DecodeWithGZipStream(await File.ReadAllBytesAsync(part.Uri)));
        await AssertGzipToolAcceptsAsync(part.Uri);
    }

    [Fact]
    public async Task An_abandoned_writer_removes_the_parts_it_had_already_rotated()
    {
        var store = new LocalFolderStagingStore(_folder);
        await using (var writer = new GzipPartWriter(store, new PartWriterOptions { PartSizeBytes = 4 * 1024, MaxParallelism = 2 }))
        {
            foreach (var chunk in Chunk(MakeRows(20_000, seed: 3), 8 * 1024))
            {
                await writer.WriteChunkAsync(chunk, CancellationToken.None);
            }

            Assert.NotEmpty(writer.Parts);
            Assert.All(writer.Parts, part => Assert.True(File.Exists(part.Uri)));

            // Not completed: the export failed upstream.
        }

        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder));
    }

    [Fact]
    public async Task An_abandoned_writer_leaves_no_temporary_files()
    {
        var store = new LocalFolderStagingStore(_folder);
        await using (var writer = new GzipPartWriter(store, new PartWriterOptions()))
        {
            foreach (var chunk in Chunk(MakeRows(5_000, seed: 4), 8 * 1024))
            {
                await writer.WriteChunkAsync(chunk, CancellationToken.None);
            }
        }

        Assert.True(!Directory.Exists(_folder) || !Directory.EnumerateFileSystemEntries(_folder).Any());
    }

    [Fact]
    public async Task A_writer_cancelled_while_it_opens_a_part_leaves_no_temporary_file()
    {
        using var cancel = new CancellationTokenSource();
        var store = new CancelledWhileOpening(new LocalFolderStagingStore(_folder), cancel);
        await using (var writer = new GzipPartWriter(store, new PartWriterOptions { MaxParallelism = 1 }))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            {
                foreach (var chunk in Chunk(MakeRows(5_000, seed: 5), 8 * 1024))
                {
                    await writer.WriteChunkAsync(chunk, cancel.Token);
                }
            });
        }

        Assert.True(store.Opened > 0);
        Assert.True(!Directory.Exists(_folder) || !Directory.EnumerateFileSystemEntries(_folder).Any(), string.Join(", ", Directory.EnumerateFileSystemEntries(_folder)));
    }

    private async Task<IReadOnlyList<PartInfo>> WriteAsync(IReadOnlyList<string> rows, int chunkBytes, PartWriterOptions options)
    {
        var store = new LocalFolderStagingStore(_folder);
        await using var writer = new GzipPartWriter(store, options);
        foreach (var chunk in Chunk(rows, chunkBytes))
        {
            await writer.WriteChunkAsync(chunk, CancellationToken.None);
        }

        return await writer.CompleteAsync(CancellationToken.None);
    }

    private static IEnumerable<UncompressedChunk> Chunk(IReadOnlyList<string> rows, int chunkBytes)
    {
        var chunk = UncompressedChunk.Rent(chunkBytes);
        foreach (var row in rows)
        {
            var bytes = Encoding.UTF8.GetBytes(row);
            if (chunk.Length > 0 && chunk.Free < bytes.Length)
            {
                yield return chunk;
                chunk = UncompressedChunk.Rent(chunkBytes);
            }

            bytes.CopyTo(chunk.FreeSpace);
            chunk.Length += bytes.Length;
            chunk.Rows++;
        }

        yield return chunk;
    }

    private static List<string> MakeRows(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count)
            .Select(i => $"{i},{random.NextInt64()},\"name {random.Next(1000)} 日本語 😀\",{random.NextDouble():R}\n")
            .ToList();
    }

    private static byte[] DecodeWithGZipStream(byte[] gzip)
    {
        using var input = new GZipStream(new MemoryStream(gzip), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    private static async Task AssertGzipToolAcceptsAsync(string path)
    {
        var (code, _, error) = await RunAsync("gzip", "-t", path);
        Assert.True(code == 0, $"gzip -t rejected {path}: {error}");
    }

    private static async Task<string> ZcatAsync(string path)
    {
        var (code, output, error) = await RunAsync("zcat", path);
        Assert.True(code == 0, $"zcat failed on {path}: {error}");
        return output;
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.UTF8 };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    /// <summary>A folder store whose caller is cancelled (a signal arrives) just after a writer was opened, before the part's first bytes.</summary>
    private sealed class CancelledWhileOpening(LocalFolderStagingStore inner, CancellationTokenSource cancel) : IStagingStore
    {
        public int Opened { get; private set; }

        public string Location => inner.Location;

        public async ValueTask<IStagedObjectWriter> OpenWriterAsync(string name, CancellationToken cancellationToken)
        {
            var writer = await inner.OpenWriterAsync(name, cancellationToken);
            Opened++;
            await cancel.CancelAsync();
            return writer;
        }

        public Task<Stream?> OpenReadAsync(string name, CancellationToken cancellationToken) => inner.OpenReadAsync(name, cancellationToken);

        public Task<Stream?> OpenReadAsync(string name, long offset, CancellationToken cancellationToken) => inner.OpenReadAsync(name, offset, cancellationToken);

        public Task<int> WithdrawUnfinishedAsync(string prefix, CancellationToken cancellationToken) => inner.WithdrawUnfinishedAsync(prefix, cancellationToken);

        public Task DeleteAsync(string name, CancellationToken cancellationToken) => inner.DeleteAsync(name, cancellationToken);
    }
}
