using System.Net.Sockets;
using BatchSync.MySql.Protocol;
using BatchSync.MySql.Protocol.Payloads;
using BatchSync.MySql.Transport;

namespace BatchSync.MySql.Connection;

/// <summary>TCP connect, greeting, optional TLS upgrade and login: everything before the first command.</summary>
internal static class SessionEstablisher
{
    /// <summary>Big enough that a fast server fills it between our parse passes; bigger gains nothing measurable.</summary>
    public const int ReceiveBufferSize = 1 << 20;

    private const int SocketReceiveBufferSize = 4 << 20;

    private const CapabilityFlags WantedCapabilities =
        CapabilityFlags.LongPassword | CapabilityFlags.LongFlag | CapabilityFlags.Protocol41 | CapabilityFlags.SecureConnection |
        CapabilityFlags.PluginAuth | CapabilityFlags.PluginAuthLengthEncodedClientData | CapabilityFlags.DeprecateEof |
        CapabilityFlags.Transactions | CapabilityFlags.MultiResults | CapabilityFlags.MariaDbExtendedTypeInfo;

    public static async Task<(PacketChannel Channel, ServerSession Session)> EstablishAsync(MySqlConnectionOptions options, CancellationToken cancellationToken)
    {
        var socket = await ConnectSocketAsync(options, cancellationToken);
        var channel = new PacketChannel(new SocketByteHandler(socket), ReceiveBufferSize, options.ReadTimeout);
        try
        {
            using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            connectTimeout.CancelAfter(options.ConnectTimeout);
            var session = await HandshakeAsync(channel, socket, options, connectTimeout.Token);
            return (channel, session);
        }
        catch
        {
            await channel.DisposeAsync();
            throw;
        }
    }

    private static async Task<Socket> ConnectSocketAsync(MySqlConnectionOptions options, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp)
        {
            NoDelay = true,
            ReceiveBufferSize = SocketReceiveBufferSize,
        };
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.ConnectTimeout);
            await socket.ConnectAsync(options.Host, options.Port, timeout.Token);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static async Task<ServerSession> HandshakeAsync(PacketChannel channel, Socket socket, MySqlConnectionOptions options, CancellationToken cancellationToken)
    {
        channel.StartExchange();
        var greeting = await channel.ReadPacketAsync(cancellationToken);
        if (greeting.Length > 0 && greeting[0] == ErrorPayload.Header)
        {
            throw ErrorPayload.Parse(greeting).ToException();
        }

        var handshake = HandshakeV10.Parse(greeting);
        RequireProtocol41(handshake, options);
        var capabilities = WantedCapabilities & handshake.Capabilities;
        if (options.Database is not null)
        {
            capabilities |= CapabilityFlags.ConnectWithDatabase & handshake.Capabilities;
        }

        if (ShouldUseTls(options, handshake))
        {
            capabilities |= CapabilityFlags.Ssl;
            await channel.WritePacketAsync(SslRequest.Create(capabilities), cancellationToken);
            channel.SwitchHandler(await NegotiateTlsAsync(socket, options, cancellationToken));
        }

        await new Authenticator(channel, options).AuthenticateAsync(handshake, capabilities, cancellationToken);
        return new ServerSession(handshake.ServerVersion, handshake.IsMariaDb, handshake.ConnectionId, capabilities);
    }

    private static void RequireProtocol41(HandshakeV10 handshake, MySqlConnectionOptions options)
    {
        const CapabilityFlags required = CapabilityFlags.Protocol41 | CapabilityFlags.SecureConnection;
        if ((handshake.Capabilities & required) != required)
        {
            throw new MySqlException($"The server at {options.Endpoint} ({handshake.ServerVersion}) is too old: it lacks the 4.1 protocol. MySQL 5.5+ or MariaDB 10+ is required.");
        }
    }

    private static bool ShouldUseTls(MySqlConnectionOptions options, HandshakeV10 handshake)
    {
        var offered = (handshake.Capabilities & CapabilityFlags.Ssl) != 0;
        return options.TlsMode switch
        {
            MySqlTlsMode.Disabled => false,
            MySqlTlsMode.Preferred when !offered => WarnPlainText(options),
            MySqlTlsMode.Preferred => true,
            _ when offered => true,
            _ => throw new MySqlException(
                $"TLS mode {options.TlsMode} requires TLS, but the server at {options.Endpoint} does not offer it. " +
                "Enable TLS on the server (ssl-cert/ssl-key) or choose a weaker TLS mode."),
        };
    }

    private static bool WarnPlainText(MySqlConnectionOptions options)
    {
        options.Warning?.Invoke(
            $"The MySQL server at {options.Endpoint} does not offer TLS: with tls: preferred this connection continues unencrypted " +
            "(queries and rows readable in the network path). Enable TLS on the server and set tls: verify-full with ca_bundle to refuse plain connections.");
        return false;
    }

    private static async Task<IByteHandler> NegotiateTlsAsync(Socket socket, MySqlConnectionOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return await TlsByteHandler.NegotiateAsync(socket, TlsClientOptionsFactory.Create(options), cancellationToken);
        }
        catch (System.Security.Authentication.AuthenticationException e)
        {
            var check = options.TlsMode switch
            {
                MySqlTlsMode.VerifyFull => "that the certificate chains to the CA bundle and names the host you connect to",
                MySqlTlsMode.VerifyCa => "that the certificate chains to the CA bundle (" + (options.CaBundlePath ?? "system roots") + ")",
                _ => "the server's TLS configuration",
            };
            throw new MySqlException($"TLS handshake with {options.Endpoint} failed ({e.Message}). Check {check}.", e);
        }
    }
}
