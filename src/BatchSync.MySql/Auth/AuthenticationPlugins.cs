namespace BatchSync.MySql.Auth;

/// <summary>The authentication plugins this client speaks, by the name the server uses.</summary>
internal static class AuthenticationPlugins
{
    private const string Supported = NativePasswordPlugin.PluginName + ", " + CachingSha2PasswordPlugin.PluginName + ", " +
        Sha256PasswordPlugin.PluginName + ", " + ClearPasswordPlugin.PluginName;

    public static IAuthenticationPlugin Create(string name, AuthenticationContext context) => name switch
    {
        NativePasswordPlugin.PluginName => new NativePasswordPlugin(context),
        CachingSha2PasswordPlugin.PluginName => new CachingSha2PasswordPlugin(context),
        Sha256PasswordPlugin.PluginName => new Sha256PasswordPlugin(context),
        ClearPasswordPlugin.PluginName => new ClearPasswordPlugin(context),
        "client_ed25519" => throw new MySqlException(
            $"The account on {context.Endpoint} uses MariaDB's ed25519 authentication (client_ed25519), which BatchSync does not support. " +
            $"Give the export account a supported method, for example: ALTER USER 'etl'@'%' IDENTIFIED VIA mysql_native_password USING PASSWORD('…'). Supported: {Supported}."),
        _ => throw new MySqlException(
            $"The server at {context.Endpoint} asked for authentication plugin '{name}', which is not supported. " +
            $"Supported: {Supported}. Change the account's authentication method to one of these."),
    };
}
