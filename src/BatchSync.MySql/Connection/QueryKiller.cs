using System.Globalization;

namespace BatchSync.MySql.Connection;

/// <summary>Stops a running statement from the side: a second connection sends KILL QUERY for the first one's id.</summary>
internal static class QueryKiller
{
    public static async Task KillQueryAsync(MySqlConnectionOptions options, uint connectionId)
    {
        // The same server and credentials; no database (it may be the one being dropped) and a session that may KILL.
        var killerOptions = options with { Database = null, ReadTimeout = options.ConnectTimeout, ReadOnlySession = false };
        using var timeout = new CancellationTokenSource(options.ConnectTimeout * 2);
        await using var killer = await MySqlConnection.OpenAsync(killerOptions, timeout.Token);
        await killer.ExecuteAsync(string.Create(CultureInfo.InvariantCulture, $"KILL QUERY {connectionId}"), timeout.Token);
    }
}
