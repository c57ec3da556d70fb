namespace BatchSync.Cli.Tests.Run;

/// <summary><c>batchsync plan</c> over many tables: a summary a person can read, the detail on request.</summary>
public sealed class PlanSummaryTests : IAsyncLifetime
{
    private const int Tables = 24;

    private RunSandbox _sandbox = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await RunSandbox.CreateAsync();
        var sql = string.Concat(Enumerable.Range(1, Tables).Select(t =>
            $"CREATE TABLE t{t:D2} (id INT PRIMARY KEY, name VARCHAR(40)); INSERT INTO t{t:D2} SELECT seq, REPEAT('x', 40) FROM seq_1_to_{t * 100};"));
        await _sandbox.SqlAsync(sql + $"ANALYZE TABLE {string.Join(", ", Enumerable.Range(1, Tables).Select(t => $"t{t:D2}"))};");
        var entries = string.Concat(Enumerable.Range(1, Tables).Select(t => $"  - table: t{t:D2}\n")) + "  - table: gone\n";
        await _sandbox.WriteWorkflowAsync(entries, defaults: "parallelism: 3");
    }

    public Task DisposeAsync()
    {
        _sandbox.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_summary_names_what_cannot_run_and_the_biggest_tables_and_verbose_lists_every_table()
    {
        var summary = await CliInvocation.RunAsync(["plan", _sandbox.WorkflowPath]);
        var verbose = await CliInvocation.RunAsync(["plan", _sandbox.WorkflowPath, "--verbose"]);

        Assert.True(summary.ExitCode == 1, summary.ToString());
        var lines = summary.Output.Split('\n');
        Assert.StartsWith($"plan for shop: {Tables + 1} tables, {Tables} items on 3 lanes", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("CANNOT RUN (1 table)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(".gone → gone:", StringComparison.Ordinal) && l.Contains("not found", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"biggest 10 of {Tables} tables:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"  … and {Tables - 10} more", StringComparison.Ordinal));
        Assert.Equal(3, lines.Count(l => l.StartsWith("  lane ", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.StartsWith("  balance: ", StringComparison.Ordinal));
        Assert.DoesNotContain("schema:", summary.Output, StringComparison.Ordinal);
        Assert.True(lines.Length < 30, summary.Output);

        Assert.Equal(Tables, verbose.Output.Split('\n').Count(l => l.Trim() == "schema:"));
        Assert.Contains("t01/00000", verbose.Output, StringComparison.Ordinal);
    }
}
