namespace BatchSync.MySql.Protocol.Payloads;

/// <summary>Protocol::AuthMoreData: plugin-specific data during authentication (0x01 header).</summary>
internal static class AuthMoreData
{
    public const byte Header = 0x01;

    public static ReadOnlySpan<byte> Data(ReadOnlySpan<byte> payload) => payload[1..];
}
