namespace BatchSync.Cli.Tests.Load;

/// <summary>Every load mode into the strict fake BigQuery.</summary>
public sealed class BigQueryLoadModeTests : LoadModeScenarios
{
    internal override Task<LoadSandbox> CreateSandboxAsync() => LoadSandbox.CreateAsync();

    protected override void AssertPartitionedByDay(string table, string column)
        => Assert.Equal($"time(type:DAY,field:{column})", Sandbox.BigQuery.Table(LoadSandbox.Project, LoadSandbox.Dataset, table)!.PartitioningSpec);

    [Fact]
    public async Task A_day_partitioned_table_spanning_twenty_years_is_refused_at_plan_time_before_any_row_is_read()
    {
        await Sandbox.SqlAsync("""
            CREATE TABLE events (id INT PRIMARY KEY, happened_on DATE NOT NULL);
            INSERT INTO events SELECT seq, DATE '2006-01-01' + INTERVAL seq DAY FROM seq_0_to_7304;
            CREATE TABLE notes (id INT PRIMARY KEY, happened_on DATE NOT NULL);
            INSERT INTO notes VALUES (1, '2006-01-01'), (2, '2026-01-01');
            """);
        await Sandbox.WriteWorkflowAsync("""
              - table: events
                partition: { column: happened_on, type: DAY }
              - table: notes
                partition: { column: happened_on, type: DAY }
            """);

        var result = await Sandbox.RunAsync("partitions-1");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("would write 7,305 partitions of events (column happened_on, DAY; its values run from 2006-01-01 to 2025-12-31)", result.Error, StringComparison.Ordinal);
        Assert.Contains("partition: {type: MONTH} or YEAR", result.Error, StringComparison.Ordinal);
        Assert.False(Sandbox.HasTable("events"));
        // Two rows twenty years apart touch two partitions: the exact count lets the sparse table through.
        Assert.Equal(2, Sandbox.Rows("notes").Count);
    }

    [Fact]
    public async Task A_load_job_over_the_per_job_partition_limit_fails_the_table_with_BigQuerys_message()
    {
        await Sandbox.SqlAsync("""
            CREATE TABLE events (id INT PRIMARY KEY, happened_on DATE NOT NULL);
            INSERT INTO events SELECT seq, DATE '2006-01-01' + INTERVAL seq DAY FROM seq_0_to_4000;
            """);
        await Sandbox.WriteWorkflowAsync("""
              - table: events
                partition: { column: happened_on, type: MONTH }
            """);
        var monthly = await Sandbox.RunAsync("partitions-2");
        Assert.True(monthly.ExitCode == 0, monthly.ToString());
        Sandbox.BigQuery.Options.PartitionsPerJob = 100;

        var again = await Sandbox.RunAsync("partitions-3");

        Assert.True(again.ExitCode == 1, again.ToString());
        Assert.Contains("Too many partitions produced by query, allowed 100, query produces at least 132 partitions", again.Error, StringComparison.Ordinal);
    }
}
