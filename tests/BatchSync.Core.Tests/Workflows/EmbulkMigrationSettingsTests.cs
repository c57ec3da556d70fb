using BatchSync.Core.Planning;
using BatchSync.Core.Runs;
using BatchSync.Core.Schema;
using BatchSync.Core.Workflows.Loading;

namespace BatchSync.Core.Tests.Workflows;

/// <summary>What a workflow carried over from embulk relies on: types, recreate_on_type_change, {table}, the scheduled run time.</summary>
public sealed class EmbulkMigrationSettingsTests
{
    private const string Head = """
        timezone: Asia/Tokyo
        source:
          host: db.internal
          user: etl
          database: shop
        destination:
          type: bigquery
          project: p
          dataset: d
          location: US

        """;

    private static WorkflowLoadResult Load(string rest) => WorkflowLoader.LoadText(Head + rest, "shop.yml");

    [Fact]
    public void Types_embulk_reaches_the_extraction_settings_and_recreate_the_plan_request()
    {
        var load = WorkflowLoader.LoadText(Head.Replace("  database: shop\n", "  database: shop\n  timezone: Asia/Tokyo\n", StringComparison.Ordinal) + "defaults:\n  types: embulk\ntables:\n  - table: a\n  - table: b\n    types: batchsync\n    recreate_on_type_change: true\n", "shop.yml");

        Assert.True(load.IsValid, string.Join("\n", load.Diagnostics));
        var request = WorkflowPlanRequests.Create(load.Workflow!, new RunOptions(RunId.Parse("r1"), DateTimeOffset.UnixEpoch, null, null, "staging", "shop"));
        Assert.Equal((TypeProfile.Embulk, false), (request.Tables[0].Extraction.Types, request.Tables[0].RecreateOnTypeChange));
        Assert.Equal((TypeProfile.BatchSync, true), (request.Tables[1].Extraction.Types, request.Tables[1].RecreateOnTypeChange));
        Assert.Equal(TypeProfile.Embulk, load.Workflow!.ResolveTables()[0].Types);
    }

    [Fact]
    public void Types_embulk_without_source_timezone_is_an_error_at_its_line()
    {
        var load = Load("tables:\n  - table: a\n    types: embulk\n");

        var error = Assert.Single(load.Diagnostics, d => d.IsError);
        Assert.Equal(13, error.Location.Line);
        Assert.Contains("source.timezone", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Recreate_on_type_change_outside_mode_replace_is_a_conflict()
    {
        var load = Load("tables:\n  - table: a\n    mode: append\n    recreate_on_type_change: true\n");

        var error = Assert.Single(load.Diagnostics, d => d.IsError);
        Assert.Contains("only mode replace", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void One_table_template_serves_a_whole_list_without_duplicate_errors()
    {
        var load = Load("tables:\n  - table: users\n    out_table: \"{table}_{run_date}\"\n  - table: orders\n    out_table: \"{table}_{run_date}\"\n");

        Assert.True(load.IsValid, string.Join("\n", load.Diagnostics));
        var names = load.Workflow!.ResolveTables().Select(t => t.RenderOutTable(new DateTimeOffset(2026, 11, 21, 18, 30, 0, TimeSpan.Zero)));
        Assert.Equal(["users_20261122", "orders_20261122"], names);
    }

    [Fact]
    public void The_run_date_comes_from_the_scheduled_time_not_the_start()
    {
        var load = Load("tables:\n  - table: users\n    out_table: \"{table}_{run_date}\"\n");
        var runId = RunId.Parse("2026-11-21T18:30:00Z");
        // The run job started (or was retried) well after midnight UTC on the next day.
        var started = new DateTimeOffset(2026, 11, 22, 16, 0, 0, TimeSpan.Zero);

        var request = WorkflowPlanRequests.Create(load.Workflow!, new RunOptions(runId, started, null, null, "staging", "shop", runId.ScheduledTime));

        Assert.Equal("users_20261122", request.Tables.Single().OutTable);
        Assert.Equal(new DateOnly(2026, 11, 22), request.RunDate);
        Assert.Equal(RunId.Parse("20261121T183000Z"), runId);
        Assert.Null(RunId.Parse("20261121T183000Z").ScheduledTime);
    }
}
