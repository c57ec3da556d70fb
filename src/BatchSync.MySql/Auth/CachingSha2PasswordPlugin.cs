using System.Security.Cryptography;
using System.Text;

namespace BatchSync.MySql.Auth;

/// <summary>
/// caching_sha2_password (MySQL 8 default). Fast path: XOR(SHA256(password), SHA256(SHA256(SHA256(password)) + nonce)),
/// answered by 0x03 (cached) or 0x04 (full authentication). Full authentication sends the password NUL-terminated:
/// in clear inside TLS, otherwise RSA-encrypted (<see cref="RsaPasswordExchange"/>) with a pinned key or, when allowed,
/// the key the server sends after 0x02.
/// </summary>
internal sealed class CachingSha2PasswordPlugin(AuthenticationContext context) : IAuthenticationPlugin
{
    public const string PluginName = "caching_sha2_password";

    private const byte RequestPublicKey = 0x02;
    private const byte FastAuthSuccess = 0x03;
    private const byte PerformFullAuthentication = 0x04;

    private byte[] _nonce = [];
    private bool _awaitingPublicKey;

    public string Name => PluginName;

    public byte[] CreateResponse(ReadOnlySpan<byte> nonce)
    {
        _nonce = nonce.ToArray();
        return Scramble(context.PasswordBytes, nonce);
    }

    public byte[]? HandleMoreData(ReadOnlySpan<byte> data)
    {
        if (_awaitingPublicKey)
        {
            _awaitingPublicKey = false;
            return RsaPasswordExchange.Encrypt(context, _nonce, Encoding.ASCII.GetString(data));
        }

        if (data.Length == 1 && data[0] == FastAuthSuccess)
        {
            return null;
        }

        if (data.Length == 1 && data[0] == PerformFullAuthentication)
        {
            var answer = RsaPasswordExchange.PasswordOrKeyNeeded(context, _nonce, PluginName);
            _awaitingPublicKey = answer is null;
            return answer ?? [RequestPublicKey];
        }

        throw new MySqlException($"The server at {context.Endpoint} sent an unexpected {PluginName} message (0x{(data.IsEmpty ? 0 : data[0]):x2}).");
    }

    public static byte[] Scramble(ReadOnlySpan<byte> password, ReadOnlySpan<byte> nonce)
    {
        if (password.IsEmpty)
        {
            return [];
        }

        var stage1 = SHA256.HashData(password);
        var stage2 = SHA256.HashData(stage1);
        var salted = SHA256.HashData([.. stage2, .. nonce]);
        for (var i = 0; i < stage1.Length; i++)
        {
            stage1[i] ^= salted[i];
        }

        return stage1;
    }
}
