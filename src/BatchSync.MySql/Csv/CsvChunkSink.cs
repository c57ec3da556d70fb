using BatchSync.Core.Stage;
using BatchSync.MySql.Results;

namespace BatchSync.MySql.Csv;

/// <summary>
/// Receives result rows and writes them as CSV into chunk buffers that are cut only at row boundaries. Full chunks
/// are handed to <c>consumeChunk</c> (the gzip part writer) in <see cref="FlushAsync"/>, between network reads, so
/// back-pressure from compression slows the reads instead of growing memory.
/// </summary>
public sealed class CsvChunkSink : ITextRowSink, IDisposable
{
    public const int DefaultChunkSize = 1024 * 1024;

    private readonly CsvRowEncoder _encoder;
    private readonly Func<UncompressedChunk, CancellationToken, ValueTask> _consumeChunk;
    private readonly Action<long, long>? _progress;
    private readonly int _chunkSize;
    private readonly Queue<UncompressedChunk> _full = new();
    private UncompressedChunk? _current;

    /// <param name="encoder">Encodes each row.</param>
    /// <param name="consumeChunk">Takes ownership of each full chunk, in order.</param>
    /// <param name="chunkSize">Target uncompressed chunk size; a chunk is handed on before it would overflow.</param>
    /// <param name="progress">Called with (rows, CSV bytes) so far each time a chunk is handed on.</param>
    public CsvChunkSink(CsvRowEncoder encoder, Func<UncompressedChunk, CancellationToken, ValueTask> consumeChunk, int chunkSize = DefaultChunkSize, Action<long, long>? progress = null)
    {
        _encoder = encoder ?? throw new ArgumentNullException(nameof(encoder));
        _consumeChunk = consumeChunk ?? throw new ArgumentNullException(nameof(consumeChunk));
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1024);
        _chunkSize = chunkSize;
        _progress = progress;
    }

    public long Rows { get; private set; }

    public long Bytes { get; private set; }

    public void WriteRow(ReadOnlySpan<byte> row)
    {
        var needed = _encoder.MaxEncodedLength(row.Length);
        var chunk = _current;
        if (chunk is null || chunk.Free < needed)
        {
            chunk = StartChunk(needed);
        }

        var written = _encoder.Encode(row, chunk.FreeSpace, Rows + 1);
        chunk.Length += written;
        chunk.Rows++;
        Rows++;
        Bytes += written;
    }

    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        while (_full.TryDequeue(out var chunk))
        {
            await _consumeChunk(chunk, cancellationToken);
            _progress?.Invoke(Rows, Bytes);
        }
    }

    /// <summary>Hands on the last, partly filled chunk. Call once after the result is read to the end.</summary>
    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        if (_current is { Length: > 0 })
        {
            _full.Enqueue(_current);
        }
        else
        {
            _current?.Dispose();
        }

        _current = null;
        await FlushAsync(cancellationToken);
        _progress?.Invoke(Rows, Bytes);
    }

    private UncompressedChunk StartChunk(int needed)
    {
        if (_current is { Length: > 0 })
        {
            _full.Enqueue(_current);
        }
        else
        {
            _current?.Dispose();
        }

        _current = UncompressedChunk.Rent(Math.Max(_chunkSize, needed));
        return _current;
    }

    public void Dispose()
    {
        _current?.Dispose();
        _current = null;
        while (_full.TryDequeue(out var chunk))
        {
            chunk.Dispose();
        }
    }
}
