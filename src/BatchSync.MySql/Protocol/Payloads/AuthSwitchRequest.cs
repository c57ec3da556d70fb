namespace BatchSync.MySql.Protocol.Payloads;

/// <summary>Protocol::AuthSwitchRequest: the server wants another authentication plugin, with fresh plugin data.</summary>
internal sealed record AuthSwitchRequest(string PluginName, byte[] PluginData)
{
    public const byte Header = 0xfe;

    public static AuthSwitchRequest Parse(ReadOnlySpan<byte> payload)
    {
        var reader = new PayloadReader(payload);
        reader.Skip(1);
        var name = reader.ReadNullTerminatedString();
        var data = reader.ReadRest();

        // Scramble-based plugins send their 20-byte nonce followed by a NUL that is not part of it.
        if (data.Length > 0 && data[^1] == 0)
        {
            data = data[..^1];
        }

        return new AuthSwitchRequest(name, data.ToArray());
    }
}
