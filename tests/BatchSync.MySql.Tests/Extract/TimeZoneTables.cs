using System.Diagnostics;
using BatchSync.Testing;

namespace BatchSync.MySql.Tests.Extract;

/// <summary>Loads one zone's rules into the server's time-zone tables (what CONVERT_TZ needs) with mariadb-tzinfo-to-sql.</summary>
internal static class TimeZoneTables
{
    private static readonly SemaphoreSlim Lock = new(1, 1);
    private static readonly HashSet<string> Loaded = [];

    public static async Task LoadAsync(MariaDbServer server, string zone)
    {
        await Lock.WaitAsync();
        try
        {
            if (!Loaded.Add(zone))
            {
                return;
            }

            var start = new ProcessStartInfo("mariadb-tzinfo-to-sql") { RedirectStandardOutput = true };
            start.ArgumentList.Add(Path.Combine("/usr/share/zoneinfo", zone));
            start.ArgumentList.Add(zone);
            using var process = Process.Start(start)!;
            var sql = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            await server.ExecuteAsync(sql, "mysql");
        }
        finally
        {
            Lock.Release();
        }
    }
}
