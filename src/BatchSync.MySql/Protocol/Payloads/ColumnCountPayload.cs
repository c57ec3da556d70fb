namespace BatchSync.MySql.Protocol.Payloads;

/// <summary>The first packet of a text result set: the number of columns.</summary>
internal static class ColumnCountPayload
{
    public static int Parse(ReadOnlySpan<byte> payload)
    {
        var reader = new PayloadReader(payload);
        return checked((int)reader.ReadLengthEncodedInteger());
    }
}
