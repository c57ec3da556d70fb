using BatchSync.Core.Stage;
using BatchSync.MySql.Extract;
using BatchSync.MySql.Schema;
using BatchSync.Testing;

namespace BatchSync.MySql.Tests.Extract;

/// <summary>A server whose own zone is not UTC: TIMESTAMP values must still land as the UTC instants the server stores.</summary>
public sealed class NonUtcServerTests : IAsyncLifetime, IDisposable
{
    private readonly ExportHarness _harness = new();
    private MariaDbServer _server = null!;

    public async Task InitializeAsync() => _server = await MariaDbServer.StartAsync(["--default-time-zone=-05:00"]);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Timestamps_across_a_dst_change_land_as_utc_instants()
    {
        // New York's clocks went back at 2024-11-03 02:00 EDT: 01:30 happened twice, at 05:30Z and 06:30Z.
        await _server.ExecuteAsync("""
            CREATE DATABASE zones;
            CREATE TABLE zones.events (id INT PRIMARY KEY, ts TIMESTAMP(2) NULL);
            SET time_zone = '-04:00';
            INSERT INTO zones.events VALUES (1, '2024-11-03 00:59:59.99'), (2, '2024-11-03 01:30:00');
            SET time_zone = '-05:00';
            INSERT INTO zones.events VALUES (3, '2024-11-03 01:30:00'), (4, '2024-11-03 02:00:00.5');
            INSERT INTO zones.events VALUES (5, '2024-03-10 01:59:59');
            SET time_zone = '-04:00';
            INSERT INTO zones.events VALUES (6, '2024-03-10 03:00:00');
            """);
        Assert.Equal("-05:00", (await _server.QueryAsync("SELECT @@global.time_zone"))[0][0]);

        var options = new TableExportOptions
        {
            Connection = new MySqlConnectionOptions
            {
                Host = _server.Host,
                Port = _server.Port,
                User = "root",
                Password = MariaDbServer.RootPassword,
                TlsMode = MySqlTlsMode.Disabled,
            },
            Query = new TableQuery { Database = "zones", Table = "events" },
        };
        var result = await TableExporter.ExportAsync(options, new LocalFolderStagingStore(_harness.Folder), null, CancellationToken.None);

        var expected = await _server.QueryAsync("SET time_zone = '+00:00'; SELECT id, CONCAT(CAST(ts AS CHAR), '+00:00') FROM zones.events ORDER BY id;");
        Assert.Equal(expected.Select(row => (row[0], row[1])), ExportHarness.ReadRecords(result).Select(r => (r[0]!, r[1]!)));
        Assert.Contains(("2", "2024-11-03 05:30:00.00+00:00"), expected.Select(row => (row[0], row[1])));
    }
}
