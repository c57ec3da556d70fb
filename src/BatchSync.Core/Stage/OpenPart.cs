using System.Security.Cryptography;
using BatchSync.Core.Stage.Gzip;

namespace BatchSync.Core.Stage;

/// <summary>A gzip part being written: one gzip member whose body is the concatenated chunk bodies.</summary>
internal sealed class OpenPart : IAsyncDisposable
{
    private readonly IStagedObjectWriter _writer;
    private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private uint _crc32;
    private long _rows;
    private long _uncompressedBytes;

    public OpenPart(IStagedObjectWriter writer)
    {
        _writer = writer;
    }

    public long CompressedBytes { get; private set; }

    public ValueTask StartAsync(CancellationToken cancellationToken) => WriteAsync(GzipFormat.Header.ToArray(), cancellationToken);

    public async ValueTask AppendAsync(DeflateChunk chunk, CancellationToken cancellationToken)
    {
        await WriteAsync(chunk.Body, cancellationToken);
        _crc32 = Crc32Combination.Combine(_crc32, chunk.Crc32, chunk.UncompressedLength);
        _uncompressedBytes += chunk.UncompressedLength;
        _rows += chunk.Rows;
    }

    public async Task<PartInfo> FinishAsync(CancellationToken cancellationToken)
    {
        var tail = new byte[GzipFormat.FinalEmptyBlock.Length + 8];
        GzipFormat.FinalEmptyBlock.CopyTo(tail);
        GzipFormat.WriteTrailer(tail.AsSpan(GzipFormat.FinalEmptyBlock.Length), _crc32, _uncompressedBytes);
        await WriteAsync(tail, cancellationToken);
        var staged = await _writer.CommitAsync(cancellationToken);
        var hash = Convert.ToHexStringLower(_sha256.GetHashAndReset());
        return new PartInfo(staged.Name, staged.Uri, _rows, _uncompressedBytes, CompressedBytes, hash);
    }

    private async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        _sha256.AppendData(data.Span);
        CompressedBytes += data.Length;
        await _writer.WriteAsync(data, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _sha256.Dispose();
        await _writer.DisposeAsync();
    }
}
