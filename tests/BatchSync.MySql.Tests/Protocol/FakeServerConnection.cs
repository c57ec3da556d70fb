using System.Buffers.Binary;
using System.Text;

namespace BatchSync.MySql.Tests.Protocol;

/// <summary>
/// The server end of one client connection in <see cref="FakeMySqlServer"/>: raw packet framing written from the
/// protocol documentation, independent of the client code under test.
/// </summary>
internal sealed class FakeServerConnection(Stream stream, byte[] nonce)
{
    private byte _sequence;

    public Stream Stream { get; set; } = stream;

    /// <summary>The 20-byte nonce this server put in its greeting.</summary>
    public byte[] Nonce { get; } = nonce;

    public List<string> Queries { get; } = [];

    /// <summary>Whether the client said goodbye with COM_QUIT before closing.</summary>
    public bool QuitReceived { get; private set; }

    public void ResetSequence() => _sequence = 0;

    /// <summary>Reads one packet; null when the client closed the connection.</summary>
    public async Task<byte[]?> ReadPacketAsync()
    {
        var header = new byte[4];
        if (!await ReadExactlyOrEndAsync(header))
        {
            return null;
        }

        var length = header[0] | (header[1] << 8) | (header[2] << 16);
        Assert.Equal(_sequence, header[3]);
        _sequence = (byte)(header[3] + 1);
        var payload = new byte[length];
        Assert.True(await ReadExactlyOrEndAsync(payload), "The client closed the connection inside a packet.");
        return payload;
    }

    public async Task<byte[]> ExpectPacketAsync() => await ReadPacketAsync() ?? throw new InvalidOperationException("The client closed the connection.");

    public async Task WritePacketAsync(byte[] payload)
    {
        var frame = new byte[4 + payload.Length];
        frame[0] = (byte)payload.Length;
        frame[1] = (byte)(payload.Length >> 8);
        frame[2] = (byte)(payload.Length >> 16);
        frame[3] = _sequence++;
        payload.CopyTo(frame, 4);
        await Stream.WriteAsync(frame);
        await Stream.FlushAsync();
    }

    /// <summary>Frames packets with headers and consecutive sequence ids, for writing in arbitrary pieces.</summary>
    public byte[] Frame(IEnumerable<byte[]> payloads)
    {
        var frames = new List<byte>();
        foreach (var payload in payloads)
        {
            frames.AddRange([(byte)payload.Length, (byte)(payload.Length >> 8), (byte)(payload.Length >> 16), _sequence++]);
            frames.AddRange(payload);
        }

        return [.. frames];
    }

    public Task WriteOkAsync() => WritePacketAsync([0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00]);

    public Task WriteErrorAsync(ushort code, string sqlState, string message)
    {
        var payload = new List<byte> { 0xff, (byte)code, (byte)(code >> 8), (byte)'#' };
        payload.AddRange(Encoding.ASCII.GetBytes(sqlState));
        payload.AddRange(Encoding.UTF8.GetBytes(message));
        return WritePacketAsync([.. payload]);
    }

    /// <summary>Answers COM_QUERY with OK (recording the SQL) or a scripted response, until COM_QUIT or disconnect.</summary>
    public async Task ServeCommandsAsync(Func<FakeServerConnection, string, Task<bool>>? respond = null)
    {
        while (true)
        {
            ResetSequence();
            var packet = await ReadPacketAsync();
            if (packet is null)
            {
                return;
            }

            if (packet[0] == 0x01)
            {
                QuitReceived = true;
                return;
            }

            Assert.Equal(0x03, packet[0]);
            var sql = Encoding.UTF8.GetString(packet, 1, packet.Length - 1);
            Queries.Add(sql);
            if (respond is null || !await respond(this, sql))
            {
                await WriteOkAsync();
            }
        }
    }

    public static byte[] LengthEncoded(byte[] value)
    {
        if (value.Length < 0xfb)
        {
            return [(byte)value.Length, .. value];
        }

        var length = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(length, checked((ushort)value.Length));
        return [0xfc, .. length, .. value];
    }

    private async Task<bool> ReadExactlyOrEndAsync(byte[] buffer)
    {
        var offset = 0;
        while (offset < buffer.Length)
        {
            var read = await Stream.ReadAsync(buffer.AsMemory(offset));
            if (read == 0)
            {
                return offset == 0 ? false : throw new EndOfStreamException("Connection closed inside a packet.");
            }

            offset += read;
        }

        return true;
    }
}
