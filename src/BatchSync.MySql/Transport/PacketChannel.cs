using System.Buffers;

namespace BatchSync.MySql.Transport;

/// <summary>
/// Packets over a byte handler: the 4-byte header (3-byte length, sequence id), payloads of 16 MiB and more split into
/// continuation packets, and the sequence id every exchange restarts at zero.
/// </summary>
internal sealed class PacketChannel : IAsyncDisposable
{
    /// <summary>A packet with exactly this payload length is continued by the next packet.</summary>
    public const int MaxPayloadLength = 0xffffff;

    public const int HeaderLength = 4;

    private readonly ReadTimeoutGuard _timeout;
    private byte _sequence;

    public PacketChannel(IByteHandler handler, int receiveBufferSize, TimeSpan readTimeout)
    {
        _timeout = new ReadTimeoutGuard(readTimeout);
        Reader = new PacketReader(handler, receiveBufferSize, _timeout);
    }

    public PacketReader Reader { get; }

    public IByteHandler Handler => Reader.Handler;

    /// <summary>The sequence id the next packet (in either direction) must carry.</summary>
    public byte Sequence
    {
        get => _sequence;
        set => _sequence = value;
    }

    public void StartExchange() => _sequence = 0;

    /// <summary>Replaces the byte handler, e.g. with TLS after the SSL request; nothing may be buffered then.</summary>
    public void SwitchHandler(IByteHandler handler)
    {
        if (Reader.BufferedCount != 0)
        {
            throw new InvalidDataException("The server sent data before the TLS handshake.");
        }

        Reader.Handler = handler;
    }

    /// <summary>Checks the sequence id of an incoming packet and advances it.</summary>
    public void AcceptSequence(byte received)
    {
        if (received != _sequence)
        {
            throw OutOfOrder(_sequence, received);
        }

        _sequence++;
    }

    public static InvalidDataException OutOfOrder(byte expected, byte received)
        => new($"Packet out of order: expected sequence id {expected}, got {received}.");

    /// <summary>Reads one whole logical packet (continuations joined) into a new array. For control packets, not rows.</summary>
    public async ValueTask<byte[]> ReadPacketAsync(CancellationToken cancellationToken)
    {
        byte[] payload = [];
        int length;
        do
        {
            length = await ReadHeaderAsync(cancellationToken);
            var offset = payload.Length;
            Array.Resize(ref payload, offset + length);
            await Reader.ReadExactlyAsync(payload.AsMemory(offset, length), cancellationToken);
        }
        while (length == MaxPayloadLength);

        return payload;
    }

    /// <summary>Waits for a packet header, checks its sequence id, consumes it and returns the payload length.</summary>
    public async ValueTask<int> ReadHeaderAsync(CancellationToken cancellationToken)
    {
        while (Reader.BufferedCount < HeaderLength)
        {
            await Reader.FillAsync(cancellationToken);
        }

        var header = Reader.Buffered;
        var length = header[0] | (header[1] << 8) | (header[2] << 16);
        AcceptSequence(header[3]);
        Reader.Consume(HeaderLength);
        return length;
    }

    /// <summary>Writes one logical packet, splitting it into 16 MiB pieces (with an empty closing packet when needed).</summary>
    public async ValueTask WritePacketAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var frameSize = HeaderLength + Math.Min(payload.Length, MaxPayloadLength);
        var frame = ArrayPool<byte>.Shared.Rent(frameSize);
        try
        {
            int chunkLength;
            do
            {
                chunkLength = Math.Min(payload.Length, MaxPayloadLength);
                frame[0] = (byte)chunkLength;
                frame[1] = (byte)(chunkLength >> 8);
                frame[2] = (byte)(chunkLength >> 16);
                frame[3] = _sequence++;
                payload.Span[..chunkLength].CopyTo(frame.AsSpan(HeaderLength));
                await Handler.WriteAsync(frame.AsMemory(0, HeaderLength + chunkLength), cancellationToken);
                payload = payload[chunkLength..];
            }
            while (chunkLength == MaxPayloadLength);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(frame);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Reader.Dispose();
        _timeout.Dispose();
        await Handler.DisposeAsync();
    }
}
