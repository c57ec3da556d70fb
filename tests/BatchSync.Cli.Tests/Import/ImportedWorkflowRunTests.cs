using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using BatchSync.BigQuery.Fake;
using BatchSync.Cli.Tests.Run;
using BatchSync.Commands;
using BatchSync.Testing;

namespace BatchSync.Cli.Tests.Import;

/// <summary>
/// The migration end to end, against a real MariaDB and the strict BigQuery fake: an imported digdag + embulk job
/// runs and lands the tables, rows and out_table names the old job wrote; with <c>types: embulk</c> a run loads
/// into tables embulk created without changing their schema, with the values embulk would have written.
/// </summary>
public sealed class ImportedWorkflowRunTests : IAsyncLifetime
{
    private const string Project = "acme-analytics";

    // The EventBridge event time of the 03:30 Asia/Tokyo run of 2026-11-22 (digdag's session date).
    private const string ScheduledRun = "2026-11-21T18:30:00Z";

    private readonly string _directory = Directory.CreateTempSubdirectory("batchsync-imported-").FullName;
    private MariaDbServer _server = null!;
    private string _database = null!;
    private FakeBigQueryServer _fake = null!;
    private FakeBigQueryAdapters _adapters = null!;

    public async Task InitializeAsync()
    {
        _server = await SharedMariaDb.GetAsync();
        _database = await SharedMariaDb.CreateDatabaseAsync("imported");
        _fake = await FakeBigQueryServer.StartAsync();
        _adapters = new FakeBigQueryAdapters(_fake);
    }

    public async Task DisposeAsync()
    {
        _adapters.Dispose();
        await _fake.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private Task<CliResult> RunAsync(string workflow, params string[] extra)
        => CliInvocation.RunAsync([RunCommand.Create(_adapters, TimeProvider.System)], ["run", workflow, "--local", "--staging", Path.Combine(_directory, "staging"), .. extra]);

    [Fact]
    public async Task An_imported_digdag_job_lands_the_tables_rows_and_shard_names_the_old_job_wrote()
    {
        await _server.ExecuteAsync("""
            CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(50), created_at DATETIME);
            INSERT INTO customers SELECT seq, CONCAT('customer ', seq), '2026-11-01 10:00:00' FROM seq_1_to_40;
            CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT, total DECIMAL(10,2), status VARCHAR(10), ordered_at DATETIME);
            INSERT INTO orders SELECT seq, seq % 40 + 1, seq / 4, IF(seq % 10 = 0, 'test', 'paid'), '2026-11-21 23:59:59' FROM seq_1_to_300;
            CREATE TABLE order_items (id INT PRIMARY KEY, order_id INT, sku VARCHAR(20), quantity INT, price DECIMAL(8,2), internal_note TEXT);
            INSERT INTO order_items SELECT seq, seq % 300 + 1, CONCAT('SKU-', seq), 1 + seq % 3, 9.99, 'x' FROM seq_1_to_700;
            """, _database);
        var workflow = Path.Combine(_directory, "shop_daily.yml");
        var imported = await CliInvocation.RunAsync(["import", "digdag", ImportFixtures.DigdagOnEcs, "--out", workflow]);
        Assert.True(imported.ExitCode == 0, imported.ToString());
        Environment.SetEnvironmentVariable("DB_HOST", _server.Host);
        Environment.SetEnvironmentVariable("DB_PORT", _server.Port.ToString(CultureInfo.InvariantCulture));
        Environment.SetEnvironmentVariable("DB_USER", "root");
        Environment.SetEnvironmentVariable("DB_PASSWORD", MariaDbServer.RootPassword);
        Environment.SetEnvironmentVariable("DB_NAME", _database);

        var result = await RunAsync(workflow, "--run-id", ScheduledRun);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(40, _fake.Rows(Project, "shop_raw", "customers_20261122").Count);
        var orders = _fake.Rows(Project, "shop_raw", "orders_20261122");
        Assert.Equal(270, orders.Count);
        Assert.DoesNotContain(orders, row => row["status"] == "test");
        var items = _fake.Rows(Project, "shop_raw", "order_items_20261122");
        Assert.Equal(700, items.Count);
        Assert.Equal(["id", "order_id", "sku", "quantity", "price"], _fake.Table(Project, "shop_raw", "order_items_20261122")!.Schema.Select(c => c.Name));
        // digdag's embulk would have made TIMESTAMPs of DATETIMEs read in Asia/Tokyo.
        Assert.Equal("TIMESTAMP", _fake.Table(Project, "shop_raw", "orders_20261122")!.Column("ordered_at")!.Type);
        Assert.Equal(Instant("2026-11-21 14:59:59.000000 +00:00"), Instant(orders[0]["ordered_at"]!));

        var backfill = await RunAsync(workflow, "--run-date", "2026-11-20", "--tables", "customers");

        Assert.True(backfill.ExitCode == 0, backfill.ToString());
        Assert.Equal(40, _fake.Rows(Project, "shop_raw", "customers_20261120").Count);
    }

    [Fact]
    public async Task With_types_embulk_a_run_loads_into_the_table_embulk_created_unchanged_with_embulks_values()
    {
        await CreateEventsAsync();
        var embulkSchema = await CreateEmbulkTableAsync("events_20261122");
        var workflow = await WriteWorkflowAsync("types: embulk");

        var result = await RunAsync(workflow, "--run-id", ScheduledRun);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(embulkSchema, Schema("events_20261122"));
        Assert.DoesNotContain(_fake.Requests, r => r.StartsWith("PATCH ", StringComparison.Ordinal) && r.Contains("events_20261122", StringComparison.Ordinal));
        var rows = _fake.Rows(Project, "legacy", "events_20261122").OrderBy(r => int.Parse(r["id"]!, CultureInfo.InvariantCulture)).ToList();
        // What embulk-input-mysql + embulk-output-bigquery wrote for these rows (timestamps as "%Y-%m-%d %H:%M:%S.%6N %:z").
        string?[][] embulk =
        [
            ["1", "2026-11-21 00:15:30.000000 +00:00", "2026-11-20 15:00:00.000000 +00:00", "1234.5", "true", "{\"a\": 1, \"b\": [1, 2]}", "0.10000000149011612", "1970-01-01 03:34:56.000000 +00:00", "2026-11-21 10:00:00.000000 +00:00", "2023-12-31 15:00:00.000000 +00:00", "Ōsaka"],
            ["2", null, null, "-0.05", "true", null, "1.5", null, null, null, null],
            ["3", "2026-03-31 15:00:00.123456 +00:00", "2026-03-31 15:00:00.000000 +00:00", "0", "true", "[]", "-2.5", "1970-01-01 14:59:59.000000 +00:00", "2038-01-19 03:14:07.000000 +00:00", "1969-12-31 15:00:00.000000 +00:00", ""],
            ["4", null, null, null, "false", null, null, null, null, null, "with, comma"],
            ["5", null, null, null, "false", null, null, null, null, null, null],
        ];
        Assert.Equal(embulk.Length, rows.Count);
        for (var i = 0; i < embulk.Length; i++)
        {
            for (var c = 0; c < EventColumns.Length; c++)
            {
                AssertSameValue(EventColumns[c].EmbulkType, embulk[i][c], rows[i][EventColumns[c].Name], $"row {i + 1} {EventColumns[c].Name}");
            }
        }
    }

    [Fact]
    public async Task A_replace_table_moves_to_batchsync_types_only_when_asked()
    {
        await CreateEventsAsync();
        var embulkSchema = await CreateEmbulkTableAsync("events_20261122");

        var refused = await RunAsync(await WriteWorkflowAsync("types: batchsync"), "--run-id", ScheduledRun);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("happened: TIMESTAMP → DATETIME", refused.ToString(), StringComparison.Ordinal);
        Assert.Equal(embulkSchema, Schema("events_20261122"));

        var recreated = await RunAsync(await WriteWorkflowAsync("types: batchsync\n  recreate_on_type_change: true"), "--run-id", "2026-11-21T18:30:01Z");

        Assert.True(recreated.ExitCode == 0, recreated.ToString());
        var schema = Schema("events_20261122");
        Assert.Contains(("happened", "DATETIME"), schema);
        Assert.Contains(("amount", "NUMERIC"), schema);
        Assert.Equal("2026-11-21 09:15:30.000000", _fake.Rows(Project, "legacy", "events_20261122").Single(r => r["id"] == "1")["happened"]);
    }

    private static readonly (string Name, string EmbulkType)[] EventColumns =
    [
        ("id", "INTEGER"), ("happened", "TIMESTAMP"), ("day", "TIMESTAMP"), ("amount", "FLOAT"), ("active", "BOOLEAN"), ("doc", "STRING"),
        ("ratio", "FLOAT"), ("at_time", "TIMESTAMP"), ("created", "TIMESTAMP"), ("yr", "TIMESTAMP"), ("name", "STRING"),
    ];

    private Task CreateEventsAsync() => _server.ExecuteAsync("""
        SET SESSION sql_mode = '', time_zone = '+00:00';
        CREATE TABLE events (id INT PRIMARY KEY, happened DATETIME(6), day DATE, amount DECIMAL(10,2), active TINYINT(1) NOT NULL,
          doc JSON, ratio FLOAT, at_time TIME, created TIMESTAMP NULL, yr YEAR, name VARCHAR(20));
        INSERT INTO events VALUES
          (1, '2026-11-21 09:15:30', '2026-11-21', 1234.50, 1, '{"a": 1, "b": [1, 2]}', 0.1, '12:34:56', '2026-11-21 10:00:00', 2024, 'Ōsaka'),
          (2, '0000-00-00 00:00:00', '0000-00-00', -0.05, 5, NULL, 1.5, NULL, NULL, 0, NULL),
          (3, '2026-04-01 00:00:00.123456', '2026-04-01', 0, -1, '[]', -2.5, '23:59:59', '2038-01-19 03:14:07', 1970, ''),
          (4, NULL, NULL, NULL, -2, NULL, NULL, NULL, NULL, NULL, 'with, comma'),
          (5, NULL, NULL, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL);
        """, _database);

    /// <summary>The table as embulk-output-bigquery created it (auto_create_table), through the API like embulk did.</summary>
    private async Task<List<(string, string)>> CreateEmbulkTableAsync(string name)
    {
        _fake.AddDataset(Project, "legacy", "asia-northeast1");
        var fields = new JsonArray([.. EventColumns.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["type"] = c.EmbulkType })]);
        var table = new JsonObject
        {
            ["tableReference"] = new JsonObject { ["projectId"] = Project, ["datasetId"] = "legacy", ["tableId"] = name },
            ["schema"] = new JsonObject { ["fields"] = fields },
        };
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_fake.BaseUri, $"bigquery/v2/projects/{Project}/datasets/legacy/tables"))
        {
            Content = new StringContent(table.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", FakeBigQueryServer.Token);
        using var response = await http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return Schema(name);
    }

    private List<(string, string)> Schema(string table)
        => [.. _fake.Table(Project, "legacy", table)!.Schema.Select(c => (c.Name, FakeTable.StandardName(c.Type)))];

    private async Task<string> WriteWorkflowAsync(string defaults)
    {
        var path = Path.Combine(_directory, "legacy.yml");
        Environment.SetEnvironmentVariable("BATCHSYNC_TEST_MYSQL_PASSWORD", MariaDbServer.RootPassword);
        await File.WriteAllTextAsync(path, $"""
            name: legacy
            timezone: Asia/Tokyo
            source:
              host: {_server.Host}
              port: {_server.Port}
              user: root
              password: env:BATCHSYNC_TEST_MYSQL_PASSWORD
              database: {_database}
              tls: disabled
              timezone: Asia/Tokyo
            destination:
              type: bigquery
              project: {Project}
              dataset: legacy
              location: asia-northeast1
            defaults:
              {defaults}
            tables:
              - table: events
                out_table: "{"{table}_{run_date}"}"
            """);
        return path;
    }

    private static void AssertSameValue(string type, string? expected, string? actual, string what)
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected == actual, $"{what}: expected {expected ?? "NULL"}, found {actual ?? "NULL"}");
            return;
        }

        switch (type)
        {
            case "TIMESTAMP":
                Assert.True(Instant(expected) == Instant(actual), $"{what}: expected {expected}, found {actual}");
                break;
            case "FLOAT":
                Assert.True(double.Parse(expected, CultureInfo.InvariantCulture) == double.Parse(actual, CultureInfo.InvariantCulture), $"{what}: expected {expected}, found {actual}");
                break;
            default:
                Assert.True(expected == actual, $"{what}: expected {expected}, found {actual}");
                break;
        }
    }

    private static DateTimeOffset Instant(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
