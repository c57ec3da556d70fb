using System.Globalization;

namespace BatchSync.MySql.Connection;

/// <summary>Stops a running statement from the side: a second connection sends KILL for the first one's id.</summary>
internal static class QueryKiller
{
    public static Task KillQueryAsync(MySqlConnectionOptions options, uint connectionId)
        => KillAsync(options, string.Create(CultureInfo.InvariantCulture, $"KILL QUERY {connectionId}"));

    /// <summary>Ends a session we are abandoning, so its query stops scanning instead of running on beside a retry.</summary>
    public static Task KillConnectionAsync(MySqlConnectionOptions options, uint connectionId)
        => KillAsync(options, string.Create(CultureInfo.InvariantCulture, $"KILL CONNECTION {connectionId}"));

    private static async Task KillAsync(MySqlConnectionOptions options, string statement)
    {
        // The same server and credentials; no database (it may be the one being dropped) and a session that may KILL.
        var killerOptions = options with { Database = null, ReadTimeout = options.ConnectTimeout, ReadOnlySession = false, KillOnReadTimeout = false };
        using var timeout = new CancellationTokenSource(options.ConnectTimeout * 2);
        await using var killer = await MySqlConnection.OpenAsync(killerOptions, timeout.Token);
        await killer.ExecuteAsync(statement, timeout.Token);
    }
}
