namespace BatchSync.MySql.Protocol.Payloads;

/// <summary>Protocol::EOF_Packet (0xFE, shorter than 9 bytes), used when CLIENT_DEPRECATE_EOF is not negotiated.</summary>
internal readonly record struct EofPayload(ushort Warnings, ServerStatus Status)
{
    public const byte Header = 0xfe;

    public static bool IsEof(ReadOnlySpan<byte> payload) => payload.Length is > 0 and < 9 && payload[0] == Header;

    public static EofPayload Parse(ReadOnlySpan<byte> payload)
    {
        var reader = new PayloadReader(payload);
        reader.Skip(1);
        return reader.Remaining >= 4 ? new EofPayload(reader.ReadUInt16(), (ServerStatus)reader.ReadUInt16()) : default;
    }
}
