namespace BatchSync.MySql.Protocol.Payloads;

/// <summary>Protocol::ERR_Packet.</summary>
internal readonly record struct ErrorPayload(int ErrorCode, string SqlState, string Message)
{
    public const byte Header = 0xff;

    public static ErrorPayload Parse(ReadOnlySpan<byte> payload)
    {
        var reader = new PayloadReader(payload);
        reader.Skip(1);
        var code = reader.ReadUInt16();
        var sqlState = "HY000";

        // Errors sent before the capabilities are agreed carry no SQLSTATE marker.
        if (reader.Remaining >= 6 && payload[reader.Offset] == (byte)'#')
        {
            reader.Skip(1);
            sqlState = System.Text.Encoding.ASCII.GetString(reader.ReadBytes(5));
        }

        return new ErrorPayload(code, sqlState, reader.ReadRestAsString());
    }

    public MySqlServerException ToException() => new(ErrorCode, SqlState, Message);
}
