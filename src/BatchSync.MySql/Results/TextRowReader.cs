namespace BatchSync.MySql.Results;

/// <summary>Walks the fields of one text-protocol row payload.</summary>
public ref struct TextRowReader
{
    private const byte NullMarker = 0xfb;
    private readonly ReadOnlySpan<byte> _row;
    private int _offset;

    public TextRowReader(ReadOnlySpan<byte> row)
    {
        _row = row;
        _offset = 0;
    }

    /// <summary>Reads the next field. Returns false for SQL NULL (value is empty then).</summary>
    /// <exception cref="InvalidDataException">The payload ends inside a field.</exception>
    public bool ReadField(out ReadOnlySpan<byte> value)
    {
        if ((uint)_offset >= (uint)_row.Length)
        {
            throw new InvalidDataException("Row payload ended before all columns were read.");
        }

        var first = _row[_offset];
        if (first == NullMarker)
        {
            _offset++;
            value = default;
            return false;
        }

        var length = ReadLength(first);
        if ((ulong)_row.Length - (ulong)_offset < length)
        {
            throw new InvalidDataException("Row payload ended inside a field.");
        }

        value = _row.Slice(_offset, (int)length);
        _offset += (int)length;
        return true;
    }

    private ulong ReadLength(byte first)
    {
        switch (first)
        {
            case < 0xfb:
                _offset += 1;
                return first;
            case 0xfc:
                Ensure(3);
                var two = (ulong)(_row[_offset + 1] | (_row[_offset + 2] << 8));
                _offset += 3;
                return two;
            case 0xfd:
                Ensure(4);
                var three = (ulong)(_row[_offset + 1] | (_row[_offset + 2] << 8) | (_row[_offset + 3] << 16));
                _offset += 4;
                return three;
            case 0xfe:
                Ensure(9);
                var eight = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(_row.Slice(_offset + 1, 8));
                _offset += 9;
                return eight;
            default:
                throw new InvalidDataException($"Invalid length-encoded integer prefix 0x{first:x2} in row.");
        }
    }

    private readonly void Ensure(int bytes)
    {
        if (_row.Length - _offset < bytes)
        {
            throw new InvalidDataException("Row payload ended inside a length prefix.");
        }
    }
}
