namespace BatchSync.MySql.Tests.Csv;

/// <summary>Builds text-protocol row payloads (length-encoded strings, 0xFB for NULL) from the protocol description.</summary>
internal static class RowPayload
{
    public static byte[] Build(params byte[]?[] values)
    {
        var output = new List<byte>();
        foreach (var value in values)
        {
            if (value is null)
            {
                output.Add(0xfb);
                continue;
            }

            var length = value.Length;
            if (length < 251)
            {
                output.Add((byte)length);
            }
            else if (length < 1 << 16)
            {
                output.AddRange([0xfc, (byte)length, (byte)(length >> 8)]);
            }
            else if (length < 1 << 24)
            {
                output.AddRange([0xfd, (byte)length, (byte)(length >> 8), (byte)(length >> 16)]);
            }
            else
            {
                output.Add(0xfe);
                output.AddRange(BitConverter.GetBytes((long)length));
            }

            output.AddRange(value);
        }

        return [.. output];
    }

    public static byte[]? Text(string? value) => value is null ? null : System.Text.Encoding.UTF8.GetBytes(value);
}
