using System.Security.Cryptography;

namespace BatchSync.MySql.Auth;

/// <summary>mysql_native_password: SHA1(password) XOR SHA1(nonce + SHA1(SHA1(password))).</summary>
internal sealed class NativePasswordPlugin(AuthenticationContext context) : IAuthenticationPlugin
{
    public const string PluginName = "mysql_native_password";

    public string Name => PluginName;

    public byte[] CreateResponse(ReadOnlySpan<byte> nonce) => Scramble(context.PasswordBytes, nonce);

    public byte[]? HandleMoreData(ReadOnlySpan<byte> data)
        => throw new MySqlException($"The server sent unexpected {PluginName} data while logging in to {context.Endpoint}.");

    public static byte[] Scramble(ReadOnlySpan<byte> password, ReadOnlySpan<byte> nonce)
    {
        if (password.IsEmpty)
        {
            return [];
        }

        var stage1 = SHA1.HashData(password);
        var stage2 = SHA1.HashData(stage1);
        var salted = SHA1.HashData([.. nonce[..Math.Min(20, nonce.Length)], .. stage2]);
        for (var i = 0; i < stage1.Length; i++)
        {
            stage1[i] ^= salted[i];
        }

        return stage1;
    }
}
