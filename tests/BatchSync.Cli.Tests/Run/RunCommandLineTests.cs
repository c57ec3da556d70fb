using System.Text.Json.Nodes;

namespace BatchSync.Cli.Tests.Run;

/// <summary>plan, work, status, and the usage errors of run: what a person or a scheduler sees.</summary>
public sealed class RunCommandLineTests : IAsyncLifetime
{
    private RunSandbox _sandbox = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await RunSandbox.CreateAsync();
        await _sandbox.SqlAsync("""
            CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(50) NOT NULL, is_member TINYINT(1) NOT NULL);
            INSERT INTO customers SELECT seq, CONCAT('customer ', seq), seq % 2 FROM seq_1_to_60;
            CREATE TABLE orders (id INT PRIMARY KEY, total DECIMAL(10,2) NOT NULL);
            INSERT INTO orders SELECT seq, seq FROM seq_1_to_400;
            ANALYZE TABLE customers, orders;
            """);
        await _sandbox.WriteWorkflowAsync("""
              - table: customers
                columns:
                  is_member: { type: BOOL }
              - table: orders
                chunk: { rows: 100 }
            """, defaults: "parallelism: 2");
    }

    public Task DisposeAsync()
    {
        _sandbox.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Plan_shows_items_lanes_and_each_tables_bigquery_schema_without_writing_anything()
    {
        var text = await CliInvocation.RunAsync(["plan", _sandbox.WorkflowPath]);
        var json = await CliInvocation.RunAsync(["plan", _sandbox.WorkflowPath, "--format", "json"]);

        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Contains("is_member", text.Output, StringComparison.Ordinal);
        Assert.Contains("BOOL", text.Output, StringComparison.Ordinal);
        Assert.Contains("lane 1:", text.Output, StringComparison.Ordinal);
        var manifest = JsonNode.Parse(json.Output)!;
        Assert.Equal(2, manifest["lanes"]!.GetValue<int>());
        var orders = manifest["tables"]!.AsArray().Single(t => t!["out_table"]!.GetValue<string>() == "orders")!;
        Assert.True(orders["items"]!.AsArray().Count >= 4);
        Assert.False(Directory.Exists(_sandbox.Staging), "plan wrote to staging");
    }

    [Fact]
    public async Task A_duckdb_destination_without_local_is_refused_before_anything_runs()
    {
        var file = Path.Combine(_sandbox.Directory, "shop.duckdb");
        await _sandbox.WriteWorkflowAsync("  - table: customers\n", destination: $"{{ type: duckdb, path: {file} }}");

        var result = await CliInvocation.RunAsync(["run", _sandbox.WorkflowPath, "--run-id", "duck-batch"]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--local", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
        Assert.False(Directory.Exists(_sandbox.RunFolder("duck-batch")));
    }

    [Fact]
    public async Task Work_runs_one_lane_of_a_manifest_and_redoes_only_what_is_not_done()
    {
        var run = await _sandbox.RunAsync("--run-id", "work-1");
        Assert.True(run.ExitCode == 0, run.ToString());
        var manifestPath = Path.Combine(_sandbox.RunFolder("work-1"), "manifest.json");
        var item = JsonNode.Parse(File.ReadAllText(manifestPath))!["tables"]!.AsArray()
            .Single(t => t!["out_table"]!.GetValue<string>() == "orders")!["items"]![1]!;
        var itemFolder = Path.Combine(_sandbox.RunFolder("work-1"), "tables", "orders", "items", item["id"]!.GetValue<string>());
        var expected = (await _sandbox.StagedLinesAsync("work-1", "orders")).Order(StringComparer.Ordinal).ToList();
        Directory.Delete(itemFolder, recursive: true);

        var work = await CliInvocation.RunAsync(["work", manifestPath, "--lane", item["lane"]!.GetValue<int>().ToString(System.Globalization.CultureInfo.InvariantCulture)]);

        Assert.True(work.ExitCode == 0, work.ToString());
        Assert.Contains("1 items done", work.Error, StringComparison.Ordinal);
        Assert.Equal(expected, (await _sandbox.StagedLinesAsync("work-1", "orders")).Order(StringComparer.Ordinal));
        Assert.Equal("done", _sandbox.Status("work-1", "orders", item["id"]!.GetValue<string>())["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Work_without_a_lane_on_a_multi_lane_run_says_how_to_choose_one()
    {
        var run = await _sandbox.RunAsync("--run-id", "work-2");
        Assert.True(run.ExitCode == 0, run.ToString());

        var work = await CliInvocation.RunAsync(["work", Path.Combine(_sandbox.RunFolder("work-2"), "manifest.json")]);

        Assert.Equal(2, work.ExitCode);
        Assert.Contains("--lane 0..1", work.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_prints_the_finished_runs_report_and_its_items_as_json()
    {
        var run = await _sandbox.RunAsync("--run-id", "status-1", "--tables", "orders");
        Assert.True(run.ExitCode == 0, run.ToString());

        var status = await CliInvocation.RunAsync(["status", "status-1", "--staging", _sandbox.Staging]);
        var json = await CliInvocation.RunAsync(["status", "status-1", "--staging", _sandbox.Staging, "--format", "json"]);

        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.StartsWith("run status-1 of shop succeeded: 1 of 1 tables ok, 400 rows in ", status.Output, StringComparison.Ordinal);
        Assert.Matches(@"\n  orders +staged +400 rows in \d+ parts \([\d.]+ MB gzip\) in [\d.]+ s", status.Output);
        Assert.Matches(@"\n  lane 0: orders/\d+", status.Output);
        Assert.Contains("report.html", status.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("customers", status.Output, StringComparison.Ordinal);
        Assert.Equal(400, JsonNode.Parse(json.Output)!["report"]!["rows"]!.GetValue<long>());
        var items = JsonNode.Parse(json.Output)!["items"]!.AsArray();
        Assert.Equal(400, items.Sum(i => i!["rows"]!.GetValue<long>()));
        Assert.All(items, i => Assert.Equal(1, i!["attempts"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Status_of_an_unknown_run_exits_2_with_a_hint()
    {
        var status = await CliInvocation.RunAsync(["status", "no-such-run", "--staging", _sandbox.Staging]);

        Assert.Equal(2, status.ExitCode);
        Assert.Contains("no run 'no-such-run'", status.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_without_local_says_the_batch_launcher_is_not_in_this_build_and_exits_2()
    {
        var result = await CliInvocation.RunAsync(["run", _sandbox.WorkflowPath]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--local", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_sandbox.Staging));
    }

    [Theory]
    [InlineData("--tables", "nope", "'nope'")]
    [InlineData("--run-id", "bad id!", "Run id")]
    public async Task Bad_options_exit_2_and_say_what_is_wrong(string option, string value, string expected)
    {
        var result = await _sandbox.RunAsync(option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_workflow_exits_2()
    {
        var result = await CliInvocation.RunAsync(["run", "no_such_workflow_here", "--local"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("workflows/no_such_workflow_here.yml", result.Error, StringComparison.Ordinal);
    }
}
