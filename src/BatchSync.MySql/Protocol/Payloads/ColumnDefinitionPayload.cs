using BatchSync.MySql.Results;

namespace BatchSync.MySql.Protocol.Payloads;

/// <summary>Protocol::ColumnDefinition41, with MariaDB's extended type info when negotiated.</summary>
internal static class ColumnDefinitionPayload
{
    private const byte ExtendedFormat = 0x01;

    public static MySqlColumn Parse(ReadOnlySpan<byte> payload, bool hasExtendedTypeInfo)
    {
        var reader = new PayloadReader(payload);
        reader.ReadLengthEncodedBytes(); // catalog, always "def"
        var schema = reader.ReadLengthEncodedString();
        var table = reader.ReadLengthEncodedString();
        var originalTable = reader.ReadLengthEncodedString();
        var name = reader.ReadLengthEncodedString();
        var originalName = reader.ReadLengthEncodedString();
        var format = hasExtendedTypeInfo ? ReadExtendedFormat(reader.ReadLengthEncodedBytes()) : null;
        reader.ReadLengthEncodedInteger(); // length of the fixed fields, 0x0c
        var characterSet = reader.ReadUInt16();
        var columnLength = reader.ReadUInt32();
        var type = (ColumnType)reader.ReadByte();
        var flags = (ColumnFlags)reader.ReadUInt16();
        var decimals = reader.ReadByte();
        return new MySqlColumn(name, originalName, table, originalTable, schema, characterSet, columnLength, type, flags, decimals, format);
    }

    private static string? ReadExtendedFormat(ReadOnlySpan<byte> extended)
    {
        // A list of (kind, value) pairs: 0 = type name (e.g. "inet6"), 1 = format (e.g. "json"); other kinds are skipped.
        var reader = new PayloadReader(extended);
        string? format = null;
        while (reader.HasMore)
        {
            var kind = reader.ReadByte();
            var value = reader.ReadLengthEncodedBytes();
            if (kind == ExtendedFormat)
            {
                format = System.Text.Encoding.UTF8.GetString(value);
            }
        }

        return format;
    }
}
