using System.Text.Json.Nodes;
using BatchSync.Core.Finish;
using BatchSync.Core.Load;
using BatchSync.Core.Progress;
using BatchSync.Core.Runs;
using BatchSync.Core.Tests.Runs;
using BatchSync.Core.Tests.Work;
using BatchSync.Core.Work;
using BatchSync.Core.Workflows.Model;

namespace BatchSync.Core.Tests.Finish;

public class RunFinisherTests
{
    private readonly InMemoryRunDocuments _documents = new();
    private readonly FakeExtractor _extractor = new();

    private RunStore Store => new(_documents);

    private RunFinisher Finisher() => new(Store, new WatermarkStore(_documents), new StageOnlyDestination(_documents), SilentProgress.Instance, TimeProvider.System);

    private async Task RunLanesAsync(RunManifest manifest)
    {
        var worker = new LaneWorker(Store, _extractor, new StageOnlyDestination(_documents), SilentProgress.Instance, TimeProvider.System, TimeSpan.Zero);
        for (var lane = 0; lane < manifest.Lanes; lane++)
        {
            await worker.RunLaneAsync(manifest, lane, default);
        }
    }

    [Fact]
    public async Task A_stage_only_table_gets_its_schema_the_load_job_it_would_submit_and_its_parts()
    {
        var manifest = TestManifests.Manifest(2, ("orders", 2));
        await RunLanesAsync(manifest);

        var report = await Finisher().FinishAsync(manifest, default);

        var table = Assert.Single(report.Tables);
        Assert.Equal(TableOutcome.Staged, table.Outcome);
        Assert.Equal(20, table.Rows);
        Assert.False(report.DestinationLoaded);
        var schema = JsonNode.Parse(_documents.Texts["runs/shop_daily/r1/tables/orders/schema.json"])!.AsArray();
        Assert.Equal(["id", "name"], schema.Select(f => f!["name"]!.GetValue<string>()));
        var load = JsonNode.Parse(_documents.Texts["runs/shop_daily/r1/tables/orders/load.json"])!["configuration"]!["load"]!;
        Assert.Equal(
            "mem://staging/runs/shop_daily/r1/tables/orders/items/00000/part-00000.csv.gz\nmem://staging/runs/shop_daily/r1/tables/orders/items/00001/part-00000.csv.gz\n",
            _documents.Texts["runs/shop_daily/r1/tables/orders/parts.txt"]);
        Assert.Null(load["sourceUris"]);
        Assert.Equal("WRITE_TRUNCATE", load["writeDisposition"]!.GetValue<string>());
        Assert.Equal("CSV", load["sourceFormat"]!.GetValue<string>());
        Assert.Equal("orders", load["destinationTable"]!["tableId"]!.GetValue<string>());
        Assert.True(_documents.Texts.ContainsKey("runs/shop_daily/r1/report.json"));
        Assert.Contains("<table>", _documents.Texts["runs/shop_daily/r1/report.html"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_table_with_a_failed_item_does_not_land_and_the_others_do()
    {
        var manifest = TestManifests.Manifest(2, ("orders", 2), ("users", 1));
        _extractor.Failures["orders/00001"] = new Queue<Exception>([new InvalidOperationException("Incorrect DATE value: '0000-00-00'")]);
        await RunLanesAsync(manifest);

        var report = await Finisher().FinishAsync(manifest, default);

        var orders = report.Tables.Single(t => t.OutTable == "orders");
        Assert.Equal(TableOutcome.Failed, orders.Outcome);
        Assert.Contains(orders.Failures!, f => f.Item == "00001" && f.Step == RunStep.Extract && f.Message.Contains("0000-00-00", StringComparison.Ordinal));
        Assert.False(_documents.Texts.ContainsKey("runs/shop_daily/r1/tables/orders/load.json"));
        Assert.Equal(TableOutcome.Staged, report.Tables.Single(t => t.OutTable == "users").Outcome);
        Assert.False(report.Succeeded);
    }

    [Fact]
    public async Task Items_no_lane_finished_fail_their_table()
    {
        var manifest = TestManifests.Manifest(1, ("users", 1));

        var report = await Finisher().FinishAsync(manifest, default);

        Assert.Equal(TableOutcome.Failed, report.Tables.Single().Outcome);
        Assert.Equal(1, report.Tables.Single().ItemsPending);
    }

    [Fact]
    public async Task The_watermark_advances_only_for_a_committed_table()
    {
        var manifest = TestManifests.Manifest(1, ("users", 1), ("orders", 1));
        var bounds = new IncrementalBounds("updated_at", null, "2026-11-21 09:00:00");
        manifest = manifest with { Tables = manifest.Tables.Select(t => t with { Incremental = bounds }).ToList() };
        _extractor.Failures["orders/00000"] = new Queue<Exception>([new InvalidOperationException("boom")]);
        await RunLanesAsync(manifest);

        await Finisher().FinishAsync(manifest, default);

        var watermarks = new WatermarkStore(_documents);
        Assert.Equal("2026-11-21 09:00:00", (await watermarks.ReadAsync("shop_daily", "users", default))!.Value);
        Assert.Null(await watermarks.ReadAsync("shop_daily", "orders", default));
    }

    [Fact]
    public async Task A_merge_table_loads_the_runs_staging_table()
    {
        var manifest = TestManifests.Manifest(1, ("users", 1));
        manifest = manifest with { Tables = [manifest.Tables[0] with { Mode = LoadMode.Merge, Key = ["id"] }] };
        await RunLanesAsync(manifest);

        await Finisher().FinishAsync(manifest, default);

        var load = JsonNode.Parse(_documents.Texts["runs/shop_daily/r1/tables/users/load.json"])!;
        Assert.Equal("users__batchsync_r1", load["configuration"]!["load"]!["destinationTable"]!["tableId"]!.GetValue<string>());
        Assert.Equal("WRITE_TRUNCATE", load["configuration"]!["load"]!["writeDisposition"]!.GetValue<string>());
    }
}
