using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace BatchSync.MySql.Tests.Protocol;

/// <summary>
/// A scripted MySQL 8-style server on a loopback port for one client connection: it sends a HandshakeV10, optionally
/// upgrades to TLS when the client sends an SSL request, parses the HandshakeResponse41 and hands over to a script.
/// </summary>
internal sealed class FakeMySqlServer : IAsyncDisposable
{
    public const uint Protocol41 = 0x200;
    public const uint Ssl = 0x800;
    public const uint SecureConnection = 0x8000;
    public const uint PluginAuth = 0x80000;
    public const uint PluginAuthLengthEncoded = 0x200000;
    public const uint DeprecateEof = 0x1000000;
    public const uint ConnectWithDatabase = 0x8;
    public const uint LongPassword = 0x1;
    public const uint Transactions = 0x2000;
    public const uint MultiResults = 0x20000;

    public const uint DefaultCapabilities = LongPassword | ConnectWithDatabase | Protocol41 | Transactions | SecureConnection |
        MultiResults | PluginAuth | PluginAuthLengthEncoded | DeprecateEof;

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Task _serving;

    private readonly string _serverVersion;

    private FakeMySqlServer(uint capabilities, string authPlugin, X509Certificate2? certificate, string serverVersion, Func<FakeServerConnection, HandshakeResponse, Task> script)
    {
        Nonce = RandomNumberGenerator.GetBytes(20);
        _serverVersion = serverVersion;
        _listener.Start();
        _serving = ServeAsync(capabilities | (certificate is null ? 0 : Ssl), authPlugin, certificate, script);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public byte[] Nonce { get; }

    /// <summary>Starts serving one connection. <paramref name="serverVersion"/> is what the greeting announces (MariaDB: "5.5.5-10.11.6-MariaDB").</summary>
    public static FakeMySqlServer Start(
        string authPlugin, Func<FakeServerConnection, HandshakeResponse, Task> script, uint capabilities = DefaultCapabilities, X509Certificate2? certificate = null, string serverVersion = "8.0.36-fake")
        => new(capabilities, authPlugin, certificate, serverVersion, script);

    /// <summary>Waits for the script to finish and rethrows its assertion failures.</summary>
    public Task Completion => _serving;

    private async Task ServeAsync(uint capabilities, string authPlugin, X509Certificate2? certificate, Func<FakeServerConnection, HandshakeResponse, Task> script)
    {
        using var client = await _listener.AcceptTcpClientAsync();
        var connection = new FakeServerConnection(client.GetStream(), Nonce);
        await connection.WritePacketAsync(Greeting(capabilities, authPlugin));
        var response = await connection.ExpectPacketAsync();
        if (response.Length == 32 && certificate is not null)
        {
            Assert.NotEqual(0u, BitConverter.ToUInt32(response, 0) & Ssl);
            var tls = new SslStream(client.GetStream());
            await tls.AuthenticateAsServerAsync(certificate);
            connection.Stream = tls;
            response = await connection.ExpectPacketAsync();
        }

        await script(connection, HandshakeResponse.Parse(response, certificate is not null && connection.Stream is SslStream));
    }

    private byte[] Greeting(uint capabilities, string authPlugin)
    {
        var payload = new List<byte> { 10 };
        payload.AddRange(Encoding.ASCII.GetBytes(_serverVersion + "\0"));
        payload.AddRange(BitConverter.GetBytes(77u));
        payload.AddRange(Nonce[..8]);
        payload.Add(0);
        payload.AddRange(BitConverter.GetBytes((ushort)capabilities));
        payload.Add(255);
        payload.AddRange([0x02, 0x00]);
        payload.AddRange(BitConverter.GetBytes((ushort)(capabilities >> 16)));
        payload.Add(21);
        payload.AddRange(new byte[10]);
        payload.AddRange(Nonce[8..]);
        payload.Add(0);
        payload.AddRange(Encoding.ASCII.GetBytes(authPlugin + "\0"));
        return [.. payload];
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        try
        {
            await _serving.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception e) when (e is SocketException or IOException or ObjectDisposedException or TimeoutException or InvalidOperationException)
        {
        }
    }

    /// <summary>The fields of the client's HandshakeResponse41 that the scripts check.</summary>
    internal sealed record HandshakeResponse(uint Capabilities, string User, byte[] AuthResponse, string? Database, string AuthPlugin, bool OverTls)
    {
        public static HandshakeResponse Parse(byte[] payload, bool overTls)
        {
            var capabilities = BitConverter.ToUInt32(payload, 0);
            var offset = 32;
            var user = ReadNullTerminated(payload, ref offset);
            Assert.NotEqual(0u, capabilities & PluginAuthLengthEncoded);
            int authLength = payload[offset++];
            var auth = payload[offset..(offset + authLength)];
            offset += authLength;
            string? database = null;
            if ((capabilities & ConnectWithDatabase) != 0)
            {
                database = ReadNullTerminated(payload, ref offset);
            }

            var plugin = ReadNullTerminated(payload, ref offset);
            return new HandshakeResponse(capabilities, user, auth, database, plugin, overTls);
        }

        private static string ReadNullTerminated(byte[] payload, ref int offset)
        {
            var end = Array.IndexOf(payload, (byte)0, offset);
            var value = Encoding.UTF8.GetString(payload, offset, end - offset);
            offset = end + 1;
            return value;
        }
    }
}
