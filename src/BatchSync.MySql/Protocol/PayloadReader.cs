using System.Buffers.Binary;
using System.Text;

namespace BatchSync.MySql.Protocol;

/// <summary>Reads the protocol's basic data types from one packet payload, front to back.</summary>
internal ref struct PayloadReader
{
    private readonly ReadOnlySpan<byte> _payload;

    public PayloadReader(ReadOnlySpan<byte> payload)
    {
        _payload = payload;
        Offset = 0;
    }

    public int Offset { get; private set; }

    public readonly int Remaining => _payload.Length - Offset;

    public readonly bool HasMore => Offset < _payload.Length;

    public byte ReadByte() => Take(1)[0];

    public ushort ReadUInt16() => BinaryPrimitives.ReadUInt16LittleEndian(Take(2));

    public uint ReadUInt24()
    {
        var bytes = Take(3);
        return (uint)(bytes[0] | (bytes[1] << 8) | (bytes[2] << 16));
    }

    public uint ReadUInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

    public ulong ReadUInt64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

    public ulong ReadLengthEncodedInteger()
    {
        var first = ReadByte();
        return first switch
        {
            < 0xfb => first,
            0xfc => ReadUInt16(),
            0xfd => ReadUInt24(),
            0xfe => ReadUInt64(),
            _ => throw new InvalidDataException($"Invalid length-encoded integer prefix 0x{first:x2}."),
        };
    }

    public ReadOnlySpan<byte> ReadLengthEncodedBytes() => Take(checked((int)ReadLengthEncodedInteger()));

    public string ReadLengthEncodedString() => Encoding.UTF8.GetString(ReadLengthEncodedBytes());

    public ReadOnlySpan<byte> ReadNullTerminatedBytes()
    {
        var rest = _payload[Offset..];
        var end = rest.IndexOf((byte)0);
        if (end < 0)
        {
            throw new InvalidDataException("A null-terminated string has no terminator.");
        }

        Offset += end + 1;
        return rest[..end];
    }

    public string ReadNullTerminatedString() => Encoding.UTF8.GetString(ReadNullTerminatedBytes());

    public ReadOnlySpan<byte> ReadBytes(int count) => Take(count);

    public ReadOnlySpan<byte> ReadRest() => Take(Remaining);

    public string ReadRestAsString() => Encoding.UTF8.GetString(ReadRest());

    public void Skip(int count) => Take(count);

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || count > Remaining)
        {
            throw new InvalidDataException("Packet payload ended early.");
        }

        var slice = _payload.Slice(Offset, count);
        Offset += count;
        return slice;
    }
}
