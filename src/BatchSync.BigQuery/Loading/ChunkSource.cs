namespace BatchSync.BigQuery.Loading;

/// <summary>
/// Reads the upload source one chunk at a time, keeping only the current chunk in memory. Reading one byte ahead
/// tells whether a chunk is the last one. If the server asks for bytes outside the buffer (it lost some), the source
/// is reopened at that offset. A read that fails or ends before the part's length (a dropped connection to S3) is
/// reopened at the byte it stopped at, never taken as the end of the part.
/// </summary>
internal sealed class ChunkSource(PartSource source, int chunkSize) : IAsyncDisposable
{
    /// <summary>Reopens in a row without a byte of progress before the read counts as failed.</summary>
    public const int MaxReopens = 5;

    private readonly byte[] _buffer = new byte[chunkSize + 1];
    private Stream? _stream;
    private long _bufferOffset;
    private int _bufferLength;
    private bool _endOfStream;
    private long _streamPosition;
    private int _reopens;

    /// <summary>The chunk that starts at <paramref name="offset"/>.</summary>
    public async Task<Chunk> ReadAsync(long offset, CancellationToken cancellationToken)
    {
        if (offset < _bufferOffset || offset > _bufferOffset + _bufferLength || _stream is null)
        {
            _bufferOffset = offset;
            _bufferLength = 0;
            _endOfStream = false;
            await OpenAtAsync(offset, cancellationToken);
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
            var read = await ReadOnceAsync(_buffer.AsMemory(_bufferLength), cancellationToken);
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

    /// <summary>One read; a dropped read reopens at the current position, so 0 means the part really ended.</summary>
    private async Task<int> ReadOnceAsync(Memory<byte> into, CancellationToken cancellationToken)
    {
        while (true)
        {
            Exception? dropped = null;
            try
            {
                var read = await _stream!.ReadAsync(into, cancellationToken);
                if (read > 0)
                {
                    _reopens = 0;
                    return read;
                }

                if (source.Length is not { } length || _streamPosition >= length)
                {
                    return 0;
                }
            }
            catch (Exception exception) when (exception is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
            {
                dropped = exception;
            }

            if (++_reopens > MaxReopens)
            {
                throw new IOException(
                    $"Reading the staged part failed at byte {_streamPosition}" + (source.Length is { } total ? $" of {total}" : "") + $" {MaxReopens} times in a row; the part is left for the next attempt.",
                    dropped);
            }

            await OpenAtAsync(_streamPosition, cancellationToken);
        }
    }

    private async Task OpenAtAsync(long offset, CancellationToken cancellationToken)
    {
        if (_stream is not null)
        {
            await _stream.DisposeAsync();
            _stream = null;
        }

        _stream = await source.OpenAt(offset, cancellationToken);
        _streamPosition = offset;
    }
}
