namespace BatchSync.MySql.Protocol.Payloads;

/// <summary>Protocol::OK_Packet (header 0x00, or 0xFE when it ends a result set under CLIENT_DEPRECATE_EOF).</summary>
internal readonly record struct OkPayload(ulong AffectedRows, ulong LastInsertId, ServerStatus Status, ushort Warnings)
{
    public const byte Header = 0x00;

    public static OkPayload Parse(ReadOnlySpan<byte> payload)
    {
        var reader = new PayloadReader(payload);
        reader.Skip(1);
        var affectedRows = reader.ReadLengthEncodedInteger();
        var lastInsertId = reader.ReadLengthEncodedInteger();
        var status = (ServerStatus)reader.ReadUInt16();
        var warnings = reader.ReadUInt16();
        return new OkPayload(affectedRows, lastInsertId, status, warnings);
    }
}
