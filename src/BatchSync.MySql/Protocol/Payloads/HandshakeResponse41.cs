namespace BatchSync.MySql.Protocol.Payloads;

/// <summary>The client's login packet (Protocol::HandshakeResponse41).</summary>
internal static class HandshakeResponse41
{
    public static ReadOnlyMemory<byte> Create(
        CapabilityFlags capabilities,
        string user,
        ReadOnlySpan<byte> authResponse,
        string? database,
        string authPluginName)
    {
        var builder = SslRequest.WriteFixedPart(new PayloadBuilder(), capabilities);
        builder.NullTerminated(user);
        if ((capabilities & CapabilityFlags.PluginAuthLengthEncodedClientData) != 0)
        {
            builder.LengthEncodedBytes(authResponse);
        }
        else
        {
            builder.Byte(checked((byte)authResponse.Length)).Bytes(authResponse);
        }

        if ((capabilities & CapabilityFlags.ConnectWithDatabase) != 0)
        {
            builder.NullTerminated(database ?? string.Empty);
        }

        if ((capabilities & CapabilityFlags.PluginAuth) != 0)
        {
            builder.NullTerminated(authPluginName);
        }

        return builder.Payload;
    }
}
