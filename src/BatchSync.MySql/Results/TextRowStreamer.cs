using BatchSync.MySql.Protocol.Payloads;
using BatchSync.MySql.Transport;

namespace BatchSync.MySql.Results;

/// <summary>
/// The hot path: parses every complete row packet in the receive buffer in one synchronous pass and hands each payload
/// to the sink as a span into that buffer (no copy, no allocation), then flushes the sink once and reads more.
/// Only a row that does not fit the buffer (including rows continued past 16 MiB) is assembled in a side buffer.
/// </summary>
internal sealed class TextRowStreamer(PacketChannel channel, bool deprecateEof) : IDisposable
{
    private const byte EndHeader = 0xfe;
    private readonly LargeRowBuffer _largeRow = new();

    public long RowCount { get; private set; }

    /// <summary>Streams rows until the closing OK/EOF packet; throws <see cref="MySqlServerException"/> for an ERR packet.</summary>
    public async Task<ResultEnd> StreamAsync(ITextRowSink sink, CancellationToken flushCancellation)
    {
        while (true)
        {
            if (ParseBuffered(sink) is { } end)
            {
                return end;
            }

            await sink.FlushAsync(flushCancellation);
            if (!await TryReadOversizedPacketAsync(sink))
            {
                await channel.Reader.FillAsync(CancellationToken.None);
            }
        }
    }

    private ResultEnd? ParseBuffered(ITextRowSink sink)
    {
        var reader = channel.Reader;
        var buffer = reader.Buffered;
        var sequence = channel.Sequence;
        var consumed = 0;
        try
        {
            while (buffer.Length - consumed >= PacketChannel.HeaderLength)
            {
                var length = buffer[consumed] | (buffer[consumed + 1] << 8) | (buffer[consumed + 2] << 16);
                if (buffer.Length - consumed - PacketChannel.HeaderLength < length)
                {
                    break;
                }

                if (buffer[consumed + 3] != sequence)
                {
                    throw PacketChannel.OutOfOrder(sequence, buffer[consumed + 3]);
                }

                sequence++;
                var payload = buffer.Slice(consumed + PacketChannel.HeaderLength, length);
                consumed += PacketChannel.HeaderLength + length;
                if (_largeRow.IsActive || length == PacketChannel.MaxPayloadLength)
                {
                    AppendLargeRowPiece(payload, sink);
                    continue;
                }

                if (length == 0)
                {
                    throw new InvalidDataException("Empty packet inside a result set.");
                }

                var first = payload[0];
                if (first < EndHeader)
                {
                    sink.WriteRow(payload);
                    RowCount++;
                    continue;
                }

                // A row can start with 0xFE only in a packet of 16 MiB or more, handled above: this ends the result.
                return first == EndHeader ? ParseEnd(payload) : throw ErrorPayload.Parse(payload).ToException();
            }

            return null;
        }
        finally
        {
            reader.Consume(consumed);
            channel.Sequence = sequence;
        }
    }

    /// <summary>A packet larger than the whole receive buffer is read straight into the large-row buffer.</summary>
    private async ValueTask<bool> TryReadOversizedPacketAsync(ITextRowSink sink)
    {
        var reader = channel.Reader;
        if (reader.BufferedCount < PacketChannel.HeaderLength)
        {
            return false;
        }

        var header = reader.Buffered;
        var length = header[0] | (header[1] << 8) | (header[2] << 16);
        if (PacketChannel.HeaderLength + length <= reader.Capacity)
        {
            return false;
        }

        channel.AcceptSequence(header[3]);
        reader.Consume(PacketChannel.HeaderLength);
        await reader.ReadExactlyAsync(_largeRow.Reserve(length), CancellationToken.None);
        if (length < PacketChannel.MaxPayloadLength)
        {
            DeliverLargeRow(sink);
        }

        return true;
    }

    private void AppendLargeRowPiece(ReadOnlySpan<byte> piece, ITextRowSink sink)
    {
        _largeRow.Append(piece);
        if (piece.Length < PacketChannel.MaxPayloadLength)
        {
            DeliverLargeRow(sink);
        }
    }

    private void DeliverLargeRow(ITextRowSink sink)
    {
        try
        {
            sink.WriteRow(_largeRow.Row);
            RowCount++;
        }
        finally
        {
            _largeRow.Clear();
        }
    }

    private ResultEnd ParseEnd(ReadOnlySpan<byte> payload)
    {
        if (deprecateEof)
        {
            var ok = OkPayload.Parse(payload);
            return new ResultEnd(ok.Status, ok.Warnings);
        }

        var eof = EofPayload.Parse(payload);
        return new ResultEnd(eof.Status, eof.Warnings);
    }

    public void Dispose() => _largeRow.Dispose();
}
