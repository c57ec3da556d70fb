using System.Security.Cryptography;

namespace BatchSync.MySql.Auth;

/// <summary>
/// The RSA step shared by caching_sha2_password and sha256_password when there is no TLS: the password is encrypted
/// with the server's public key, either pinned by the user or fetched from the server when the user allowed that.
/// </summary>
internal static class RsaPasswordExchange
{
    /// <summary>
    /// The password for a full authentication: as is (NUL-terminated) inside TLS, else encrypted with the pinned key;
    /// null when the server's key has to be requested first, which only happens when the user allowed it.
    /// </summary>
    public static byte[]? PasswordOrKeyNeeded(AuthenticationContext context, ReadOnlySpan<byte> nonce, string plugin)
    {
        if (context.IsEncrypted)
        {
            return [.. context.PasswordBytes, 0];
        }

        if (context.ServerPublicKeyPem is { } pinned)
        {
            return Encrypt(context, nonce, pinned);
        }

        EnsureRetrievalAllowed(context, plugin);
        return null;
    }

    /// <summary>Throws the refusal that names the settings to change, unless the key may be fetched.</summary>
    private static void EnsureRetrievalAllowed(AuthenticationContext context, string plugin)
    {
        if (!context.AllowPublicKeyRetrieval)
        {
            throw new MySqlException(
                $"The server at {context.Endpoint} needs the password for {plugin} over an unencrypted connection, and would send its RSA public key " +
                "in clear text to encrypt it; anyone in the network path could substitute their own key and read the password, so this is refused. " +
                "Use TLS (tls: verify-full with ca_bundle), pin the server's key (server_public_key: FILE), or, only on a trusted network, " +
                "set allow_public_key_retrieval: true.");
        }
    }

    /// <summary>RSA-OAEP(SHA1) of (password + NUL) XOR nonce (the nonce repeated as needed).</summary>
    public static byte[] Encrypt(ReadOnlySpan<byte> password, ReadOnlySpan<byte> nonce, string publicKeyPem)
    {
        byte[] plain = [.. password, 0];
        for (var i = 0; i < plain.Length; i++)
        {
            plain[i] ^= nonce[i % nonce.Length];
        }

        using var rsa = RSA.Create();
        rsa.ImportFromPem(publicKeyPem);
        return rsa.Encrypt(plain, RSAEncryptionPadding.OaepSHA1);
    }

    /// <summary><see cref="Encrypt(ReadOnlySpan{byte}, ReadOnlySpan{byte}, string)"/> with a clear error for an unusable key.</summary>
    public static byte[] Encrypt(AuthenticationContext context, ReadOnlySpan<byte> nonce, string publicKeyPem)
    {
        try
        {
            return Encrypt(context.PasswordBytes, nonce, publicKeyPem);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            var source = context.ServerPublicKeyPem is null ? "The server at " + context.Endpoint + " sent" : "The pinned server public key file holds";
            throw new MySqlException($"{source} an RSA public key that could not be used: {e.Message}", e);
        }
    }
}
