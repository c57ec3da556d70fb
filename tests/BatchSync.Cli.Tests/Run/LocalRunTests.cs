using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace BatchSync.Cli.Tests.Run;

/// <summary>Whole workflows run with <c>batchsync run --local</c> against a real MariaDB; staged output read back with gzip.</summary>
public sealed class LocalRunTests : IAsyncLifetime
{
    private RunSandbox _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await RunSandbox.CreateAsync();

    public Task DisposeAsync()
    {
        _sandbox.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Several_tables_run_on_parallel_lanes_and_a_chunked_table_is_staged_exactly_once()
    {
        await _sandbox.SqlAsync("""
            CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(50) NOT NULL);
            INSERT INTO customers SELECT seq, CONCAT('customer ', seq) FROM seq_1_to_50;
            CREATE TABLE orders (id BIGINT PRIMARY KEY, customer_id INT NOT NULL, total DECIMAL(10,2) NOT NULL);
            INSERT INTO orders SELECT seq * 3, seq % 50, seq / 4 FROM seq_1_to_1000;
            CREATE TABLE notes (id INT PRIMARY KEY, body VARCHAR(20));
            INSERT INTO notes SELECT seq, IF(seq % 2 = 0, NULL, 'note') FROM seq_1_to_20;
            ANALYZE TABLE customers, orders, notes;
            """);
        await _sandbox.WriteWorkflowAsync("""
              - table: customers
              - table: orders
                chunk: { rows: 300 }
              - table: notes
            """);

        var result = await _sandbox.RunAsync("--run-id", "parallel-1");

        Assert.True(result.ExitCode == 0, result.ToString());
        var manifest = _sandbox.Manifest("parallel-1");
        var orderItems = manifest["tables"]!.AsArray().Single(t => t!["out_table"]!.GetValue<string>() == "orders")!["items"]!.AsArray();
        Assert.True(orderItems.Count >= 3, $"orders was planned as {orderItems.Count} items");
        Assert.True(orderItems.Select(i => i!["lane"]!.GetValue<int>()).Distinct().Count() >= 2, "the chunks of orders all ran on one lane");
        Assert.Equal(3, manifest["lanes"]!.GetValue<int>());

        var orderIds = (await _sandbox.StagedLinesAsync("parallel-1", "orders")).Select(line => long.Parse(line.Split(',')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range(1, 1000).Select(i => i * 3L), orderIds.Order());
        var statusRows = orderItems.Sum(i => _sandbox.Status("parallel-1", "orders", i!["id"]!.GetValue<string>())["rows"]!.GetValue<long>());
        Assert.Equal(1000, statusRows);
        Assert.Equal(50, (await _sandbox.StagedLinesAsync("parallel-1", "customers")).Count);
        Assert.Equal(20, (await _sandbox.StagedLinesAsync("parallel-1", "notes")).Count);

        var job = _sandbox.ReadJson("parallel-1", "tables/orders/load.json");
        Assert.Empty(BigQuery.Fake.ApiModel.Load().Validate(job, "Job", checkRequired: true));
        var load = job["configuration"]!["load"]!;
        Assert.Null(load["sourceUris"]);
        var uris = File.ReadAllLines(Path.Combine(_sandbox.RunFolder("parallel-1"), "tables", "orders", "parts.txt")).Order(StringComparer.Ordinal).ToList();
        var parts = Directory.EnumerateFiles(Path.Combine(_sandbox.RunFolder("parallel-1"), "tables", "orders", "items"), "part-*.csv.gz", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(parts, uris);
        Assert.Equal("WRITE_TRUNCATE", load["writeDisposition"]!.GetValue<string>());
        var schema = _sandbox.ReadJson("parallel-1", "tables/orders/schema.json").AsArray();
        Assert.Equal(["id:INT64", "customer_id:INT64", "total:NUMERIC"], schema.Select(f => $"{f!["name"]}:{f["type"]}"));
        Assert.Contains("NOT loaded", result.Error, StringComparison.Ordinal);
        var report = _sandbox.ReadJson("parallel-1", "report.json");
        Assert.All(report["tables"]!.AsArray(), t => Assert.Equal("staged", t!["outcome"]!.GetValue<string>()));
        Assert.Contains("run_finished", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_table_with_a_composite_key_is_chunked_by_its_leading_column_without_gaps_or_duplicates()
    {
        await _sandbox.SqlAsync("""
            CREATE TABLE order_items (order_id INT NOT NULL, line_no SMALLINT NOT NULL, qty INT NOT NULL, PRIMARY KEY (order_id, line_no));
            INSERT INTO order_items SELECT o.seq, l.seq, o.seq + l.seq FROM seq_1_to_300 o, seq_1_to_3 l;
            ANALYZE TABLE order_items;
            """);
        await _sandbox.WriteWorkflowAsync("""
              - table: order_items
                chunk: { rows: 200 }
            """);

        var result = await _sandbox.RunAsync("--run-id", "composite-1");

        Assert.True(result.ExitCode == 0, result.ToString());
        var items = _sandbox.Manifest("composite-1")["tables"]![0]!["items"]!.AsArray();
        Assert.True(items.Count >= 3, $"order_items was planned as {items.Count} items");
        Assert.All(items, i => Assert.Equal("order_id", i!["chunk"]!["column"]!.GetValue<string>()));
        var keys = (await _sandbox.StagedLinesAsync("composite-1", "order_items")).Select(l => string.Join(',', l.Split(',')[..2])).ToList();
        var expected = Enumerable.Range(1, 300).SelectMany(o => Enumerable.Range(1, 3).Select(l => $"{o},{l}")).Order(StringComparer.Ordinal);
        Assert.Equal(expected, keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Failing_tables_do_not_stop_the_others_and_the_run_exits_1()
    {
        await _sandbox.SqlAsync("""
            CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(50) NOT NULL);
            INSERT INTO customers SELECT seq, CONCAT('customer ', seq) FROM seq_1_to_30;
            CREATE TABLE shipments (id INT PRIMARY KEY, shipped_on DATE NULL);
            SET SESSION sql_mode = '';
            INSERT INTO shipments VALUES (1, '2026-01-02'), (2, '0000-00-00'), (3, '2026-01-03');
            """);
        await _sandbox.WriteWorkflowAsync("""
              - table: customers
              - table: customers
                out_table: customers_broken
                select: "id, no_such_column"
              - table: shipments
                zero_dates: fail
            """);

        var result = await _sandbox.RunAsync("--run-id", "failing-1");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(30, (await _sandbox.StagedLinesAsync("failing-1", "customers")).Count);
        Assert.True(File.Exists(Path.Combine(_sandbox.RunFolder("failing-1"), "tables", "customers", "load.json")));
        var shipments = _sandbox.Status("failing-1", "shipments", "00000");
        Assert.Equal("failed", shipments["state"]!.GetValue<string>());
        Assert.Contains("shipped_on", shipments["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_sandbox.RunFolder("failing-1"), "tables", "shipments", "load.json")));
        Assert.False(Directory.Exists(Path.Combine(_sandbox.RunFolder("failing-1"), "tables", "customers_broken")));

        var report = _sandbox.ReadJson("failing-1", "report.json")["tables"]!.AsArray().ToDictionary(t => t!["out_table"]!.GetValue<string>(), t => t!);
        Assert.Equal("staged", report["customers"]["outcome"]!.GetValue<string>());
        Assert.Equal("failed", report["shipments"]["outcome"]!.GetValue<string>());
        Assert.Equal("failed", report["customers_broken"]["outcome"]!.GetValue<string>());
        Assert.Contains("no_such_column", report["customers_broken"]["failures"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("plan", report["customers_broken"]["failures"]![0]!["step"]!.GetValue<string>());
        Assert.Equal("extract", report["shipments"]["failures"]![0]!["step"]!.GetValue<string>());
        Assert.Contains("no_such_column", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(" at BatchSync", result.Error, StringComparison.Ordinal);
    }

    /// <summary>A 40-row customers table run once, successfully, as run <paramref name="runId"/>.</summary>
    private async Task RunCustomersAsync(string runId)
    {
        await _sandbox.SqlAsync("""
            CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(50) NOT NULL);
            INSERT INTO customers SELECT seq, CONCAT('customer ', seq) FROM seq_1_to_40;
            """);
        await _sandbox.WriteWorkflowAsync("  - table: customers");
        var first = await _sandbox.RunAsync("--run-id", runId);
        Assert.True(first.ExitCode == 0, first.ToString());
    }

    [Fact]
    public async Task A_retried_item_clears_the_temporary_part_its_killed_attempt_left()
    {
        await RunCustomersAsync("killed-1");
        // What a lane killed with SIGKILL mid-part leaves: the item not done, and the part under its temporary name.
        var item = Path.Combine(_sandbox.RunFolder("killed-1"), "tables", "customers", "items", "00000");
        File.Delete(Path.Combine(item, "status.json"));
        var leftover = Path.Combine(item, $".part-00000.csv.gz.{Guid.NewGuid():N}.tmp");
        await File.WriteAllBytesAsync(leftover, new byte[4096]);

        var second = await _sandbox.RunAsync("--run-id", "killed-1");

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.False(File.Exists(leftover), "the killed attempt's temporary part is still there");
        Assert.Equal(["part-00000.csv.gz", "status.json"], Directory.GetFiles(item).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(40, (await _sandbox.StagedLinesAsync("killed-1", "customers")).Count);
    }

    [Fact]
    public async Task A_resumed_run_clears_the_documents_its_killed_attempt_began_writing()
    {
        await RunCustomersAsync("killed-2");
        // What a run killed while writing run documents leaves: their temporary files beside the committed ones.
        var table = Path.Combine(_sandbox.RunFolder("killed-2"), "tables", "customers");
        var leftovers = new[]
        {
            Path.Combine(_sandbox.RunFolder("killed-2"), $".report.json.{Guid.NewGuid():N}.tmp"),
            Path.Combine(table, $".landed.json.{Guid.NewGuid():N}.tmp"),
            Path.Combine(table, "items", "00000", $".status.json.{Guid.NewGuid():N}.tmp"),
        };
        foreach (var leftover in leftovers)
        {
            await File.WriteAllTextAsync(leftover, "{");
        }

        var second = await _sandbox.RunAsync("--run-id", "killed-2");

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.All(leftovers, leftover => Assert.False(File.Exists(leftover), $"{leftover} is still there"));
    }

    [Fact]
    public async Task Running_the_same_run_id_again_redoes_only_what_failed()
    {
        await _sandbox.SqlAsync("""
            CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(50) NOT NULL);
            INSERT INTO customers SELECT seq, CONCAT('customer ', seq) FROM seq_1_to_40;
            CREATE TABLE shipments (id INT PRIMARY KEY, shipped_on DATE NULL);
            SET SESSION sql_mode = '';
            INSERT INTO shipments VALUES (1, '2026-01-02'), (2, '0000-00-00');
            """);
        await _sandbox.WriteWorkflowAsync("""
              - table: customers
              - table: shipments
                zero_dates: fail
            """);
        var first = await _sandbox.RunAsync("--run-id", "resume-1");
        Assert.True(first.ExitCode == 1, first.ToString());
        var customersItem = Path.Combine(_sandbox.RunFolder("resume-1"), "tables", "customers", "items", "00000");
        var statusBefore = await File.ReadAllTextAsync(Path.Combine(customersItem, "status.json"));
        var partsBefore = PartFingerprints(customersItem);

        await _sandbox.SqlAsync("SET SESSION sql_mode = ''; UPDATE shipments SET shipped_on = '2026-01-05' WHERE id = 2;");
        var second = await _sandbox.RunAsync("--run-id", "resume-1");

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(statusBefore, await File.ReadAllTextAsync(Path.Combine(customersItem, "status.json")));
        Assert.Equal(partsBefore, PartFingerprints(customersItem));
        Assert.Contains("\"item_skipped\"", second.Output, StringComparison.Ordinal);
        var shipments = _sandbox.Status("resume-1", "shipments", "00000");
        Assert.Equal("done", shipments["state"]!.GetValue<string>());
        Assert.Equal(2, shipments["attempts"]!.GetValue<int>());
        Assert.Equal(["1,2026-01-02", "2,2026-01-05"], (await _sandbox.StagedLinesAsync("resume-1", "shipments")).Order(StringComparer.Ordinal));
        Assert.Contains("Resumed run resume-1", second.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_incremental_run_exports_only_rows_changed_after_the_watermark()
    {
        await _sandbox.SqlAsync("""
            CREATE TABLE events (id INT PRIMARY KEY, v VARCHAR(10) NOT NULL, updated_at DATETIME NOT NULL);
            INSERT INTO events SELECT seq, 'first', '2026-01-01 00:00:00' + INTERVAL seq MINUTE FROM seq_1_to_100;
            """);
        await _sandbox.WriteWorkflowAsync("""
              - table: events
                mode: append
                incremental: { column: updated_at }
            """);

        var first = await _sandbox.RunAsync("--run-id", "inc-1");
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal(100, (await _sandbox.StagedLinesAsync("inc-1", "events")).Count);
        var state = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_sandbox.Staging, "state", "shop", "events.json")))!;
        Assert.Equal("2026-01-01 01:40:00", state["value"]!.GetValue<string>());

        await _sandbox.SqlAsync("""
            UPDATE events SET v = 'changed', updated_at = '2026-02-01 00:00:00' WHERE id IN (5, 6, 7);
            INSERT INTO events VALUES (101, 'new', '2026-02-02 00:00:00'), (102, 'new', '2026-02-02 00:00:00');
            """);
        var second = await _sandbox.RunAsync("--run-id", "inc-2");

        Assert.True(second.ExitCode == 0, second.ToString());
        var ids = (await _sandbox.StagedLinesAsync("inc-2", "events")).Select(l => l.Split(',')[0]).Order(StringComparer.Ordinal);
        Assert.Equal(["101", "102", "5", "6", "7"], ids);
        state = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_sandbox.Staging, "state", "shop", "events.json")))!;
        Assert.Equal("2026-02-02 00:00:00", state["value"]!.GetValue<string>());
        Assert.Equal("WRITE_APPEND", _sandbox.ReadJson("inc-2", "tables/events/load.json")["configuration"]!["load"]!["writeDisposition"]!.GetValue<string>());
    }

    [Fact]
    public async Task Cancelling_a_run_leaves_no_item_marked_done_that_is_not_and_a_rerun_completes_it()
    {
        await _sandbox.SqlAsync("""
            CREATE TABLE big (id INT PRIMARY KEY, payload VARCHAR(100) NOT NULL);
            INSERT INTO big SELECT seq, REPEAT('x', 90) FROM seq_1_to_300000;
            CREATE TABLE small (id INT PRIMARY KEY);
            INSERT INTO small SELECT seq FROM seq_1_to_10;
            ANALYZE TABLE big, small;
            """);
        await _sandbox.WriteWorkflowAsync("""
              - table: big
              - table: small
            """, defaults: "parallelism: 1");
        using var cancellation = new CancellationTokenSource();
        using var output = new CancelOnEventWriter("\"item_started\"", cancellation);

        var cancelled = await CliInvocation.RunAsync(["run", _sandbox.WorkflowPath, "--local", "--run-id", "cancel-1"], output, cancellation.Token);

        Assert.True(cancelled.ExitCode == 130, cancelled.ToString());
        Assert.Contains("--run-id", cancelled.Error, StringComparison.Ordinal);
        var statuses = Directory.EnumerateFiles(Path.Combine(_sandbox.RunFolder("cancel-1"), "tables"), "status.json", SearchOption.AllDirectories)
            .Select(path => (Path: path, Status: JsonNode.Parse(File.ReadAllText(path))!)).ToList();
        Assert.Contains(statuses, s => s.Status["state"]!.GetValue<string>() != "done");
        foreach (var (path, status) in statuses.Where(s => s.Status["state"]!.GetValue<string>() == "done"))
        {
            var lines = 0;
            foreach (var part in status["parts"]!.AsArray())
            {
                lines += (await RunSandbox.GunzipAsync(Path.Combine(Path.GetDirectoryName(path)!, part!["name"]!.GetValue<string>()))).Count(c => c == '\n');
            }

            Assert.Equal(status["rows"]!.GetValue<long>(), lines);
        }

        var rerun = await _sandbox.RunAsync("--run-id", "cancel-1");
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        var ids = (await _sandbox.StagedLinesAsync("cancel-1", "big")).Select(l => l[..l.IndexOf(',', StringComparison.Ordinal)]).ToList();
        Assert.Equal(300000, ids.Count);
        Assert.Equal(300000, ids.Distinct().Count());
    }

    private static Dictionary<string, (string Sha256, DateTime Written)> PartFingerprints(string folder)
        => Directory.EnumerateFiles(folder, "part-*.csv.gz").ToDictionary(
            path => Path.GetFileName(path),
            path => (Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))), File.GetLastWriteTimeUtc(path)));

    /// <summary>Captures output and cancels the run as soon as a given event is written: Ctrl-C at a known point, without timing.</summary>
    private sealed class CancelOnEventWriter(string marker, CancellationTokenSource cancellation) : StringWriter
    {
        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (value?.Contains(marker, StringComparison.Ordinal) == true)
            {
                cancellation.Cancel();
            }
        }
    }
}
