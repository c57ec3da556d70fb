using BatchSync.Testing;

namespace BatchSync.MySql.Tests.Connection;

/// <summary>Creates throwaway accounts on a test server and builds connection options for them.</summary>
internal static class TestAccounts
{
    public static async Task<MySqlConnectionOptions> CreateNativePasswordUserAsync(MariaDbServer server, string? database = null)
    {
        var user = "u" + Guid.NewGuid().ToString("N")[..10];
        var password = "pw-" + Guid.NewGuid().ToString("N")[..12];
        await server.ExecuteAsync(
            $"CREATE USER '{user}'@'127.0.0.1' IDENTIFIED VIA mysql_native_password USING PASSWORD('{password}');" +
            $"GRANT ALL ON *.* TO '{user}'@'127.0.0.1';");
        return new MySqlConnectionOptions
        {
            Host = server.Host,
            Port = server.Port,
            User = user,
            Password = password,
            Database = database,
            TlsMode = MySqlTlsMode.Disabled,
        };
    }

    public static MySqlConnectionOptions Root(MariaDbServer server, string? database = null, MySqlTlsMode tlsMode = MySqlTlsMode.Disabled) => new()
    {
        Host = server.Host,
        Port = server.Port,
        User = "root",
        Password = MariaDbServer.RootPassword,
        Database = database,
        TlsMode = tlsMode,
    };
}
