using BatchSync.MySql.Results;

namespace BatchSync.MySql.Protocol.Payloads;

/// <summary>Protocol::ColumnDefinition41, with MariaDB's extended type info when negotiated.</summary>
internal static class ColumnDefinitionPayload
{
    private const byte ExtendedTypeName = 0x00;
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
        var (typeName, format) = hasExtendedTypeInfo ? ReadExtendedTypeInfo(reader.ReadLengthEncodedBytes()) : default;
        reader.ReadLengthEncodedInteger(); // length of the fixed fields, 0x0c
        var characterSet = reader.ReadUInt16();
        var columnLength = reader.ReadUInt32();
        var type = (ColumnType)reader.ReadByte();
        var flags = (ColumnFlags)reader.ReadUInt16();
        var decimals = reader.ReadByte();
        return new MySqlColumn(name, originalName, table, originalTable, schema, characterSet, columnLength, type, flags, decimals, format, typeName);
    }

    private static (string? TypeName, string? Format) ReadExtendedTypeInfo(ReadOnlySpan<byte> extended)
    {
        // A list of (kind, value) pairs: 0 = type name (e.g. "inet6"), 1 = format (e.g. "json"); other kinds are skipped.
        var reader = new PayloadReader(extended);
        string? typeName = null;
        string? format = null;
        while (reader.HasMore)
        {
            var kind = reader.ReadByte();
            var value = reader.ReadLengthEncodedString();
            switch (kind)
            {
                case ExtendedTypeName:
                    typeName = value;
                    break;
                case ExtendedFormat:
                    format = value;
                    break;
            }
        }

        return (typeName, format);
    }
}
