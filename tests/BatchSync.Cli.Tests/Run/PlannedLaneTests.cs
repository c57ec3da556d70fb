using System.Text.Json.Nodes;

namespace BatchSync.Cli.Tests.Run;

/// <summary>
/// Lanes read what the plan recorded (columns, statement) instead of discovering again, on one source connection per
/// lane that is reset between items: checked through what a real run stages from a real MariaDB.
/// </summary>
public sealed class PlannedLaneTests : IAsyncLifetime
{
    private RunSandbox _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await RunSandbox.CreateAsync();

    public Task DisposeAsync()
    {
        _sandbox.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_column_added_after_planning_neither_changes_nor_breaks_what_the_lane_exports()
    {
        await PlanAndFailOnAZeroDateAsync("altered-1");

        await _sandbox.SqlAsync("""
            SET SESSION sql_mode = '';
            ALTER TABLE shipments ADD COLUMN carrier VARCHAR(20) NOT NULL DEFAULT 'added later' AFTER id;
            UPDATE shipments SET shipped_on = '2026-01-05' WHERE id = 2;
            """);
        var resumed = await _sandbox.RunAsync("--run-id", "altered-1");

        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Equal(["1,2026-01-02", "2,2026-01-05"], (await _sandbox.StagedLinesAsync("altered-1", "shipments")).Order(StringComparer.Ordinal));
        var schema = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_sandbox.RunFolder("altered-1"), "tables", "shipments", "schema.json")))!.AsArray();
        Assert.Equal(["id", "shipped_on"], schema.Select(field => field!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_column_whose_type_no_longer_fits_the_plan_fails_the_item_instead_of_writing_it()
    {
        await PlanAndFailOnAZeroDateAsync("retyped-1");

        await _sandbox.SqlAsync("ALTER TABLE shipments MODIFY shipped_on VARCHAR(30) NULL; UPDATE shipments SET shipped_on = 'next week' WHERE id = 2;");
        var resumed = await _sandbox.RunAsync("--run-id", "retyped-1");

        Assert.True(resumed.ExitCode == 1, resumed.ToString());
        var status = _sandbox.Status("retyped-1", "shipments", "00000");
        Assert.Equal("failed", status["state"]!.GetValue<string>());
        Assert.Contains("shipped_on", status["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("changed since the run was planned", status["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lane_keeps_its_connection_across_items_and_a_failed_item_leaves_no_session_state_behind()
    {
        await _sandbox.SqlAsync("""
            CREATE TABLE probe (id INT PRIMARY KEY);
            INSERT INTO probe VALUES (1), (2);
            CREATE TABLE shipments (id INT PRIMARY KEY, shipped_on DATE NULL);
            SET SESSION sql_mode = '';
            INSERT INTO shipments VALUES (1, '2026-01-02'), (2, '0000-00-00'), (3, '2026-01-03');
            """);
        // One lane runs the three tables in workflow order (equal size estimates keep it): the middle one sets a user
        // variable on the lane's session, then fails on a zero date after rows have been read.
        await _sandbox.WriteWorkflowAsync(
            """
              - table: probe
                out_table: before_failure
                select: "id, CONNECTION_ID() AS conn"
              - table: shipments
                zero_dates: fail
                where: "(@left_over := 'dirty') IS NOT NULL"
              - table: probe
                out_table: after_failure
                select: "id, CONNECTION_ID() AS conn, @left_over AS left_over, @@session.time_zone AS tz, @@session.tx_read_only AS ro"
            """,
            defaults: "parallelism: 1");

        var result = await _sandbox.RunAsync("--run-id", "reuse-1");

        Assert.True(result.ExitCode == 1, result.ToString());
        var order = _sandbox.Manifest("reuse-1")["tables"]!.AsArray()
            .OrderBy(t => t!["items"]![0]!["order"]!.GetValue<int>())
            .Select(t => t!["out_table"]!.GetValue<string>());
        Assert.Equal(["before_failure", "shipments", "after_failure"], order);
        Assert.Equal("failed", _sandbox.Status("reuse-1", "shipments", "00000")["state"]!.GetValue<string>());

        var before = (await _sandbox.StagedLinesAsync("reuse-1", "before_failure")).Order(StringComparer.Ordinal).ToList();
        var after = (await _sandbox.StagedLinesAsync("reuse-1", "after_failure")).Order(StringComparer.Ordinal).ToList();
        var connection = before[0].Split(',')[1];
        Assert.Equal([$"1,{connection}", $"2,{connection}"], before);
        Assert.Equal([$"1,{connection},,+00:00,1", $"2,{connection},,+00:00,1"], after);
    }

    /// <summary>A first attempt of the run: it plans <c>shipments</c> (id, shipped_on) and fails its item on a zero date, so a second attempt runs that plan against whatever the table has become.</summary>
    private async Task PlanAndFailOnAZeroDateAsync(string runId)
    {
        await _sandbox.SqlAsync("""
            CREATE TABLE shipments (id INT PRIMARY KEY, shipped_on DATE NULL);
            SET SESSION sql_mode = '';
            INSERT INTO shipments VALUES (1, '2026-01-02'), (2, '0000-00-00');
            """);
        await _sandbox.WriteWorkflowAsync("""
              - table: shipments
                zero_dates: fail
            """);
        var first = await _sandbox.RunAsync("--run-id", runId);
        Assert.True(first.ExitCode == 1, first.ToString());
    }
}
