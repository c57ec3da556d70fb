using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace BatchSync.MySql.Protocol;

/// <summary>Builds one outgoing packet payload in the protocol's basic data types.</summary>
internal sealed class PayloadBuilder
{
    private readonly ArrayBufferWriter<byte> _buffer = new(256);

    public ReadOnlyMemory<byte> Payload => _buffer.WrittenMemory;

    public PayloadBuilder Byte(byte value)
    {
        _buffer.GetSpan(1)[0] = value;
        _buffer.Advance(1);
        return this;
    }

    public PayloadBuilder UInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(_buffer.GetSpan(4), value);
        _buffer.Advance(4);
        return this;
    }

    public PayloadBuilder Zeros(int count)
    {
        _buffer.GetSpan(count)[..count].Clear();
        _buffer.Advance(count);
        return this;
    }

    public PayloadBuilder Bytes(ReadOnlySpan<byte> value)
    {
        _buffer.Write(value);
        return this;
    }

    public PayloadBuilder Utf8(string value)
    {
        var span = _buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(value.Length));
        _buffer.Advance(Encoding.UTF8.GetBytes(value, span));
        return this;
    }

    public PayloadBuilder NullTerminated(string value) => Utf8(value).Byte(0);

    public PayloadBuilder LengthEncodedInteger(ulong value)
    {
        switch (value)
        {
            case < 0xfb:
                return Byte((byte)value);
            case <= 0xffff:
                Byte(0xfc);
                BinaryPrimitives.WriteUInt16LittleEndian(_buffer.GetSpan(2), (ushort)value);
                _buffer.Advance(2);
                return this;
            case <= 0xffffff:
                return Byte(0xfd).Byte((byte)value).Byte((byte)(value >> 8)).Byte((byte)(value >> 16));
            default:
                Byte(0xfe);
                BinaryPrimitives.WriteUInt64LittleEndian(_buffer.GetSpan(8), value);
                _buffer.Advance(8);
                return this;
        }
    }

    public PayloadBuilder LengthEncodedBytes(ReadOnlySpan<byte> value) => LengthEncodedInteger((ulong)value.Length).Bytes(value);
}
