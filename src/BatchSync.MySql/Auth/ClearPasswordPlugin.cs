namespace BatchSync.MySql.Auth;

/// <summary>
/// mysql_clear_password (RDS IAM tokens, PAM/LDAP): the password as is, NUL-terminated; only when enabled, and only
/// inside TLS that verified the server (unverified TLS would hand the password to whoever answered).
/// </summary>
internal sealed class ClearPasswordPlugin(AuthenticationContext context) : IAuthenticationPlugin
{
    public const string PluginName = "mysql_clear_password";

    public string Name => PluginName;

    public byte[] CreateResponse(ReadOnlySpan<byte> nonce)
    {
        if (!context.AllowClearTextPassword)
        {
            throw new MySqlException(
                $"The server at {context.Endpoint} asked for {PluginName}, which sends the password in clear text. " +
                "Enable the clear-text password option (needed for RDS IAM tokens, iam_auth: true) if that is intended.");
        }

        if (!context.IsEncrypted || !context.IsVerified)
        {
            throw new MySqlException(
                $"The server at {context.Endpoint} asked for {PluginName} over a connection that is {(context.IsEncrypted ? "encrypted but not verified" : "not encrypted")}; " +
                "refusing to send the password in clear text. Use tls: verify-ca or verify-full with the server's CA bundle.");
        }

        return [.. context.PasswordBytes, 0];
    }

    public byte[]? HandleMoreData(ReadOnlySpan<byte> data)
        => throw new MySqlException($"The server sent unexpected {PluginName} data while logging in to {context.Endpoint}.");
}
