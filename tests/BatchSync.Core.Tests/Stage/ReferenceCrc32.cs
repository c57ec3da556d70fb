namespace BatchSync.Core.Tests.Stage;

/// <summary>Bit-at-a-time CRC-32 (IEEE, as gzip uses it), straight from the definition, to check the combined CRCs.</summary>
internal static class ReferenceCrc32
{
    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var crc = 0xffffffffu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var i = 0; i < 8; i++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xedb88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
