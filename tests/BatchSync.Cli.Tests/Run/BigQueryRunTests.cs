using BatchSync.BigQuery.Fake;
using BatchSync.Commands;

namespace BatchSync.Cli.Tests.Run;

/// <summary>Local runs that land in BigQuery (the strict fake): lanes load into per-run staging tables, finish lands per mode.</summary>
public sealed class BigQueryRunTests : IAsyncLifetime
{
    private const string Project = "batchsync-test";
    private const string Dataset = "shop_raw";

    private RunSandbox _sandbox = null!;
    private FakeBigQueryServer _fake = null!;
    private FakeBigQueryAdapters _adapters = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await RunSandbox.CreateAsync();
        _fake = await FakeBigQueryServer.StartAsync();
        _adapters = new FakeBigQueryAdapters(_fake);
        await _sandbox.SqlAsync("""
            CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(50) NOT NULL);
            INSERT INTO customers SELECT seq, CONCAT('customer ', seq) FROM seq_1_to_25;
            CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT NOT NULL, total DECIMAL(10,2) NOT NULL);
            INSERT INTO orders SELECT seq, seq % 25 + 1, seq / 4 FROM seq_1_to_500;
            ANALYZE TABLE customers, orders;
            """);
        await _sandbox.WriteWorkflowAsync(
            """
              - table: customers
              - table: orders
                mode: append
                chunk: { rows: 200 }
            """,
            destination: $"""
            type: bigquery
              project: {Project}
              dataset: {Dataset}
              location: US
            """);
    }

    public async Task DisposeAsync()
    {
        _adapters.Dispose();
        await _fake.DisposeAsync();
        _sandbox.Dispose();
    }

    private Task<CliResult> RunAsync(string runId)
        => CliInvocation.RunAsync([RunCommand.Create(_adapters, TimeProvider.System)], ["run", _sandbox.WorkflowPath, "--local", "--run-id", runId]);

    [Fact]
    public async Task Tables_land_in_bigquery_with_every_row_once_and_the_report_says_loaded()
    {
        var result = await RunAsync("bq-1");

        Assert.True(result.ExitCode == 0, result.ToString());
        var customers = _fake.Rows(Project, Dataset, "customers");
        Assert.Equal(Enumerable.Range(1, 25).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), customers.Select(r => r["id"]!).OrderBy(int.Parse));
        var orders = _fake.Rows(Project, Dataset, "orders");
        Assert.Equal(500, orders.Count);
        Assert.Equal(500, orders.Select(r => r["id"]).Distinct().Count());
        var report = _sandbox.ReadJson("bq-1", "report.json");
        Assert.True(report["destination_loaded"]!.GetValue<bool>());
        Assert.All(report["tables"]!.AsArray(), t => Assert.Equal("landed", t!["outcome"]!.GetValue<string>()));
        var orderItems = _sandbox.Manifest("bq-1")["tables"]!.AsArray().Single(t => t!["out_table"]!.GetValue<string>() == "orders")!["items"]!.AsArray();
        Assert.True(orderItems.Count >= 3);
        Assert.Equal(500, orderItems.Sum(i => _sandbox.Status("bq-1", "orders", i!["id"]!.GetValue<string>())["loaded_rows"]!.GetValue<long>()));
        Assert.DoesNotContain("NOT loaded", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resuming_a_landed_append_run_does_not_append_twice()
    {
        var first = await RunAsync("bq-2");
        Assert.True(first.ExitCode == 0, first.ToString());

        var second = await RunAsync("bq-2");

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(500, _fake.Rows(Project, Dataset, "orders").Count);
    }
}
