using BatchSync.Core.Planning;
using BatchSync.Core.Runs;
using BatchSync.Core.Workflows.Loading;

namespace BatchSync.Core.Tests.Workflows;

public sealed class DeleteMissingTests
{
    private const string Head = """
        source:
          host: db.internal
          user: etl
          database: shop
        destination:
          type: bigquery
          project: p
          dataset: d
          location: US
        tables:
        """;

    [Fact]
    public void Delete_missing_reaches_the_plan_request_of_a_merge_table()
    {
        var load = WorkflowLoader.LoadText(Head + "\n  - table: accounts\n    mode: merge\n    key: [id]\n    delete_missing: true\n", "shop.yml");

        Assert.True(load.IsValid, string.Join("\n", load.Diagnostics));
        var request = WorkflowPlanRequests.Create(load.Workflow!, new RunOptions(RunId.Parse("r1"), DateTimeOffset.UnixEpoch, null, null, "staging", "shop"));
        Assert.True(request.Tables.Single().DeleteMissing);
    }

    [Fact]
    public void Delete_missing_without_mode_merge_is_an_error_at_its_line()
    {
        var load = WorkflowLoader.LoadText(Head + "\n  - table: accounts\n    mode: append\n    delete_missing: true\n", "shop.yml");

        Assert.False(load.IsValid);
        var error = Assert.Single(load.Diagnostics, d => d.IsError);
        Assert.Contains("delete_missing", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("merge", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_merge_table_without_delete_missing_keeps_rows_the_source_lost()
    {
        var load = WorkflowLoader.LoadText(Head + "\n  - table: accounts\n    mode: merge\n    key: [id]\n", "shop.yml");

        var request = WorkflowPlanRequests.Create(load.Workflow!, new RunOptions(RunId.Parse("r1"), DateTimeOffset.UnixEpoch, null, null, "staging", "shop"));
        Assert.False(request.Tables.Single().DeleteMissing);
    }
}
