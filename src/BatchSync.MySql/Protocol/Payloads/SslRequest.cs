namespace BatchSync.MySql.Protocol.Payloads;

/// <summary>
/// Protocol::SSLRequest: the fixed start of the handshake response, sent alone to ask for TLS before the login.
/// </summary>
internal static class SslRequest
{
    /// <summary>Max packet size we announce: the protocol's 1 GiB limit.</summary>
    private const uint MaxPacketSize = 1 << 30;

    /// <summary>utf8mb4_general_ci, understood by MySQL 5.5+ and MariaDB; the session is switched with SET NAMES anyway.</summary>
    private const byte Utf8Mb4CharacterSet = 45;

    public static ReadOnlyMemory<byte> Create(CapabilityFlags capabilities) => WriteFixedPart(new PayloadBuilder(), capabilities).Payload;

    public static PayloadBuilder WriteFixedPart(PayloadBuilder builder, CapabilityFlags capabilities)
        => builder
            .UInt32((uint)capabilities)
            .UInt32(MaxPacketSize)
            .Byte(Utf8Mb4CharacterSet)
            .Zeros(19)
            .UInt32((uint)((ulong)capabilities >> 32)); // MariaDB's extended capabilities; zero for MySQL
}
