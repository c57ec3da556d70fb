using BatchSync.MySql.Auth;
using BatchSync.MySql.Protocol;
using BatchSync.MySql.Protocol.Payloads;
using BatchSync.MySql.Transport;

namespace BatchSync.MySql.Connection;

/// <summary>Sends the login packet and follows the server through auth switches and plugin exchanges to OK or ERR.</summary>
internal sealed class Authenticator(PacketChannel channel, MySqlConnectionOptions options)
{
    public async Task AuthenticateAsync(HandshakeV10 handshake, CapabilityFlags capabilities, CancellationToken cancellationToken)
    {
        var context = await CreateContextAsync(cancellationToken);
        var plugin = AuthenticationPlugins.Create(InitialPluginName(handshake.AuthPluginName), context);
        var response = HandshakeResponse41.Create(capabilities, options.User, plugin.CreateResponse(handshake.AuthPluginData), options.Database, plugin.Name);
        await channel.WritePacketAsync(response, cancellationToken);

        while (true)
        {
            var payload = await channel.ReadPacketAsync(cancellationToken);
            switch (payload.Length > 0 ? payload[0] : (byte)0)
            {
                case OkPayload.Header:
                    return;
                case ErrorPayload.Header:
                    throw ErrorPayload.Parse(payload).ToException();
                case AuthSwitchRequest.Header:
                    var request = AuthSwitchRequest.Parse(payload);
                    plugin = AuthenticationPlugins.Create(request.PluginName, context);
                    await channel.WritePacketAsync(plugin.CreateResponse(request.PluginData), cancellationToken);
                    break;
                case AuthMoreData.Header:
                    var answer = plugin.HandleMoreData(AuthMoreData.Data(payload));
                    if (answer is not null)
                    {
                        await channel.WritePacketAsync(answer, cancellationToken);
                    }

                    break;
                default:
                    throw new MySqlException($"Unexpected packet 0x{payload[0]:x2} from {options.Endpoint} during authentication.");
            }
        }
    }

    private async Task<AuthenticationContext> CreateContextAsync(CancellationToken cancellationToken)
    {
        var password = options.PasswordProvider is { } provider ? await provider(cancellationToken) : options.Password;
        var encrypted = channel.Handler.IsEncrypted;
        return new AuthenticationContext(password, encrypted, encrypted && options.VerifiesServer, options.Endpoint)
        {
            AllowClearTextPassword = options.UseClearTextPassword,
            AllowPublicKeyRetrieval = options.AllowPublicKeyRetrieval,
            ServerPublicKeyPem = options.ServerRsaPublicKeyPath is { } path ? await File.ReadAllTextAsync(path, cancellationToken) : null,
        };
    }

    /// <summary>
    /// The first response uses the server's default plugin when we speak it; otherwise a native-password response,
    /// and the server switches to the plugin the account really uses.
    /// </summary>
    private static string InitialPluginName(string serverDefault)
        => serverDefault is CachingSha2PasswordPlugin.PluginName ? serverDefault : NativePasswordPlugin.PluginName;
}
