namespace BatchSync.Testing;

/// <summary>
/// One MariaDB server shared by every test class of a test assembly that asks for it, started on first use.
/// Tests isolate themselves by creating their own database (<see cref="CreateDatabaseAsync"/>).
/// </summary>
public static class SharedMariaDb
{
    private static readonly Lazy<Task<MariaDbServer>> Server = new(() => StartAndRegisterShutdown());

    public static Task<MariaDbServer> GetAsync() => Server.Value;

    /// <summary>Creates a fresh database with a unique name and returns that name.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix = "t")
    {
        var server = await GetAsync();
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 17, 60)];
        await server.ExecuteAsync($"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;");
        return name;
    }

    private static async Task<MariaDbServer> StartAndRegisterShutdown()
    {
        var server = await MariaDbServer.StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return server;
    }
}
