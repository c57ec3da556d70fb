using System.Text;

namespace BatchSync.MySql.Auth;

/// <summary>
/// sha256_password (MySQL 5.6+): the password itself, NUL-terminated, inside TLS; otherwise RSA-encrypted with a pinned
/// key or, when allowed, the key the server sends after the client asks with 0x01.
/// </summary>
internal sealed class Sha256PasswordPlugin(AuthenticationContext context) : IAuthenticationPlugin
{
    public const string PluginName = "sha256_password";

    private const byte RequestPublicKey = 0x01;

    private byte[] _nonce = [];
    private bool _awaitingPublicKey;

    public string Name => PluginName;

    public byte[] CreateResponse(ReadOnlySpan<byte> nonce)
    {
        _nonce = nonce.ToArray();
        if (string.IsNullOrEmpty(context.Password))
        {
            return [0];
        }

        var answer = RsaPasswordExchange.PasswordOrKeyNeeded(context, _nonce, PluginName);
        _awaitingPublicKey = answer is null;
        return answer ?? [RequestPublicKey];
    }

    public byte[]? HandleMoreData(ReadOnlySpan<byte> data)
    {
        if (!_awaitingPublicKey)
        {
            throw new MySqlException($"The server sent unexpected {PluginName} data while logging in to {context.Endpoint}.");
        }

        _awaitingPublicKey = false;
        return RsaPasswordExchange.Encrypt(context, _nonce, Encoding.ASCII.GetString(data));
    }
}
