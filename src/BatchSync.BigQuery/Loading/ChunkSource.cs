namespace BatchSync.BigQuery.Loading;

/// <summary>
/// Reads the upload source one chunk at a time, keeping only the current chunk in memory. Reading one byte ahead
/// tells whether a chunk is the last one. If the server asks for bytes before the current chunk (it lost some),
/// the source is reopened and skipped forward.
/// </summary>
internal sealed class ChunkSource(Func<CancellationToken, Task<Stream>> open, int chunkSize) : IAsyncDisposable
{
    private readonly byte[] _buffer = new byte[chunkSize + 1];
    private Stream? _stream;
    private long _bufferOffset;
    private int _bufferLength;
    private bool _endOfStream;
    private long _streamPosition;

    /// <summary>The chunk that starts at <paramref name="offset"/>.</summary>
    public async Task<Chunk> ReadAsync(long offset, CancellationToken cancellationToken)
    {
        if (offset < _bufferOffset || offset > _bufferOffset + _bufferLength || _stream is null)
        {
            await SeekAsync(offset, cancellationToken);
        }

        // Drop what the server already has, then top the buffer up to a chunk plus the look-ahead byte.
        var consumed = (int)(offset - _bufferOffset);
        if (consumed > 0)
        {
            Buffer.BlockCopy(_buffer, consumed, _buffer, 0, _bufferLength - consumed);
            _bufferLength -= consumed;
            _bufferOffset = offset;
        }

        while (!_endOfStream && _bufferLength < _buffer.Length)
        {
            var read = await _stream!.ReadAsync(_buffer.AsMemory(_bufferLength), cancellationToken);
            if (read == 0)
            {
                _endOfStream = true;
            }

            _bufferLength += read;
            _streamPosition += read;
        }

        var isLast = _endOfStream && _bufferLength <= chunkSize;
        var length = isLast ? _bufferLength : chunkSize;
        return new Chunk(offset, _buffer.AsMemory(0, length), isLast);
    }

    public async ValueTask DisposeAsync()
    {
        if (_stream is not null)
        {
            await _stream.DisposeAsync();
        }
    }

    private async Task SeekAsync(long offset, CancellationToken cancellationToken)
    {
        if (_stream is null || offset < _bufferOffset)
        {
            if (_stream is not null)
            {
                await _stream.DisposeAsync();
            }

            _stream = await open(cancellationToken);
            _streamPosition = 0;
            _endOfStream = false;
        }

        _bufferOffset = _streamPosition;
        _bufferLength = 0;
        while (_streamPosition < offset)
        {
            var read = await _stream.ReadAsync(_buffer.AsMemory(0, (int)Math.Min(_buffer.Length, offset - _streamPosition)), cancellationToken);
            if (read == 0)
            {
                throw new InvalidOperationException($"The upload source ended at byte {_streamPosition}, before byte {offset} that BigQuery already holds; the staged part changed since the upload started.");
            }

            _streamPosition += read;
        }

        _bufferOffset = offset;
    }
}
