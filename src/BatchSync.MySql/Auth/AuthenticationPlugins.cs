namespace BatchSync.MySql.Auth;

/// <summary>The authentication plugins this client speaks, by the name the server uses.</summary>
internal static class AuthenticationPlugins
{
    public static IAuthenticationPlugin Create(string name, AuthenticationContext context) => name switch
    {
        NativePasswordPlugin.PluginName => new NativePasswordPlugin(context),
        CachingSha2PasswordPlugin.PluginName => new CachingSha2PasswordPlugin(context),
        ClearPasswordPlugin.PluginName => new ClearPasswordPlugin(context),
        _ => throw new MySqlException(
            $"The server at {context.Endpoint} asked for authentication plugin '{name}', which is not supported. " +
            $"Supported: {NativePasswordPlugin.PluginName}, {CachingSha2PasswordPlugin.PluginName}, {ClearPasswordPlugin.PluginName}. " +
            "Change the account's authentication method or use one of these."),
    };
}
