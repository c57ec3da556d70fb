namespace BatchSync.MySql.Protocol.Payloads;

/// <summary>The server's greeting (Protocol::HandshakeV10).</summary>
internal sealed record HandshakeV10(
    string ServerVersion,
    uint ConnectionId,
    byte[] AuthPluginData,
    CapabilityFlags Capabilities,
    byte CharacterSet,
    string AuthPluginName)
{
    private const byte ProtocolVersion = 10;
    private const string MariaDbReplicationPrefix = "5.5.5-";

    /// <summary>MariaDB clears CLIENT_MYSQL (bit 0) to say its extended capabilities follow in the reserved bytes.</summary>
    public bool IsMariaDb => ServerVersion.Contains("MariaDB", StringComparison.OrdinalIgnoreCase)
        || (Capabilities & CapabilityFlags.LongPassword) == 0;

    public static HandshakeV10 Parse(ReadOnlySpan<byte> payload)
    {
        var reader = new PayloadReader(payload);
        var protocol = reader.ReadByte();
        if (protocol != ProtocolVersion)
        {
            throw new InvalidDataException($"Unsupported handshake protocol version {protocol}; expected 10.");
        }

        var version = reader.ReadNullTerminatedString();
        var connectionId = reader.ReadUInt32();
        var scramble = reader.ReadBytes(8).ToArray();
        reader.Skip(1);
        var capabilities = (CapabilityFlags)reader.ReadUInt16();
        byte characterSet = 0;
        var authPluginName = "mysql_native_password";
        if (reader.HasMore)
        {
            characterSet = reader.ReadByte();
            reader.Skip(2); // status flags
            capabilities |= (CapabilityFlags)((ulong)reader.ReadUInt16() << 16);
            var authDataLength = reader.ReadByte();
            reader.Skip(6);
            var mariaDbCapabilities = reader.ReadUInt32();
            if ((capabilities & CapabilityFlags.LongPassword) == 0)
            {
                capabilities |= (CapabilityFlags)((ulong)mariaDbCapabilities << 32);
            }

            if ((capabilities & CapabilityFlags.SecureConnection) != 0)
            {
                // Part 2 is at least 13 bytes and ends with a NUL that is not part of the scramble.
                var part2 = reader.ReadBytes(Math.Max(13, authDataLength - 8));
                scramble = [.. scramble, .. part2.TrimEnd((byte)0)];
            }

            if ((capabilities & CapabilityFlags.PluginAuth) != 0 && reader.HasMore)
            {
                var rest = reader.ReadRest();
                var end = rest.IndexOf((byte)0);
                authPluginName = System.Text.Encoding.UTF8.GetString(end < 0 ? rest : rest[..end]);
            }
        }

        if (version.StartsWith(MariaDbReplicationPrefix, StringComparison.Ordinal) && version.Contains("MariaDB", StringComparison.OrdinalIgnoreCase))
        {
            version = version[MariaDbReplicationPrefix.Length..];
        }

        return new HandshakeV10(version, connectionId, scramble, capabilities, characterSet, authPluginName);
    }
}
