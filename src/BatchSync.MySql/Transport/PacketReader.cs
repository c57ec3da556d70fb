using System.Buffers;

namespace BatchSync.MySql.Transport;

/// <summary>
/// One large pooled receive buffer over a byte handler. Callers parse packets straight out of <see cref="Buffered"/>
/// and <see cref="Consume"/> what they used; <see cref="FillAsync"/> keeps any partial packet and reads more after it.
/// </summary>
internal sealed class PacketReader : IDisposable
{
    private readonly ReadTimeoutGuard _timeout;
    private byte[] _buffer;
    private int _start;
    private int _end;

    public PacketReader(IByteHandler handler, int bufferSize, ReadTimeoutGuard timeout)
    {
        Handler = handler;
        _timeout = timeout;
        _buffer = ArrayPool<byte>.Shared.Rent(bufferSize);
    }

    public IByteHandler Handler { get; set; }

    public int Capacity => _buffer.Length;

    public ReadOnlySpan<byte> Buffered => _buffer.AsSpan(_start, _end - _start);

    public int BufferedCount => _end - _start;

    public void Consume(int count)
    {
        _start += count;
        if (_start == _end)
        {
            _start = _end = 0;
        }
    }

    /// <summary>Below this much free space another read is not worth its system call.</summary>
    private const int MinimumReadSize = 16 * 1024;

    /// <summary>
    /// Reads at least one more byte after what is buffered (moving a partial packet to the front first), and keeps
    /// reading while more has already arrived, so one parse pass (and one sink flush) covers as much as possible.
    /// </summary>
    public async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            throw new InvalidOperationException("The receive buffer is full; large packets must be read with ReadExactlyAsync.");
        }

        do
        {
            _end += await ReadSomeAsync(_buffer.AsMemory(_end), cancellationToken);
        }
        while (_buffer.Length - _end >= MinimumReadSize && Handler.HasPendingData);
    }

    /// <summary>Fills <paramref name="destination"/> completely: buffered bytes first, then straight from the network.</summary>
    public async ValueTask ReadExactlyAsync(Memory<byte> destination, CancellationToken cancellationToken)
    {
        var fromBuffer = Math.Min(destination.Length, BufferedCount);
        Buffered[..fromBuffer].CopyTo(destination.Span);
        Consume(fromBuffer);
        destination = destination[fromBuffer..];
        while (!destination.IsEmpty)
        {
            var read = await ReadSomeAsync(destination, cancellationToken);
            destination = destination[read..];
        }
    }

    private async ValueTask<int> ReadSomeAsync(Memory<byte> destination, CancellationToken cancellationToken)
    {
        var read = await _timeout.RunAsync(Handler, destination, cancellationToken);
        if (read == 0)
        {
            throw new EndOfStreamException("The server closed the connection.");
        }

        return read;
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
