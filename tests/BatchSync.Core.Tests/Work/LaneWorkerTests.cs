using BatchSync.Core.Load;
using BatchSync.Core.Progress;
using BatchSync.Core.Runs;
using BatchSync.Core.Tests.Runs;
using BatchSync.Core.Work;

namespace BatchSync.Core.Tests.Work;

public class LaneWorkerTests
{
    private readonly InMemoryRunDocuments _documents = new();
    private readonly FakeExtractor _extractor = new();

    private RunStore Store => new(_documents);

    private LaneWorker Worker() => new(Store, _extractor, new StageOnlyDestination(_documents), SilentProgress.Instance, TimeProvider.System, TimeSpan.Zero);

    [Fact]
    public async Task A_lane_runs_only_its_own_items_and_records_each_as_done()
    {
        var manifest = TestManifests.Manifest(2, ("users", 2), ("orders", 2));

        var result = await Worker().RunLaneAsync(manifest, 1, default);

        var mine = manifest.ItemsOfLane(1).Select(x => $"{x.Table.OutTable}/{x.Item.Id}").ToList();
        Assert.Equal(mine, _extractor.Calls);
        Assert.Equal(new LaneResult(1, 2, 0, 0), result);
        foreach (var (table, item) in manifest.ItemsOfLane(1))
        {
            var status = await Store.ReadStatusAsync(manifest.Layout, table.OutTable, item.Id, default);
            Assert.Equal(ItemState.Done, status!.State);
            Assert.Equal(10, status.Rows);
            Assert.Equal(1, status.Attempts);
        }
    }

    [Fact]
    public async Task A_second_attempt_of_the_lane_skips_done_items_without_touching_them()
    {
        var manifest = TestManifests.Manifest(1, ("users", 3));
        await Worker().RunLaneAsync(manifest, 0, default);
        var writes = new Dictionary<string, int>(_documents.Writes);

        var again = await Worker().RunLaneAsync(manifest, 0, default);

        Assert.Equal(new LaneResult(0, 0, 3, 0), again);
        Assert.Equal(3, _extractor.Calls.Count);
        Assert.Equal(writes, new Dictionary<string, int>(_documents.Writes));
    }

    [Fact]
    public async Task Transient_failures_are_retried_and_counted_as_attempts()
    {
        var manifest = TestManifests.Manifest(1, ("users", 1));
        _extractor.Failures["users/00000"] = new Queue<Exception>([new IOException("connection reset"), new TimeoutException("read timed out")]);

        var result = await Worker().RunLaneAsync(manifest, 0, default);

        Assert.Equal(1, result.Done);
        var status = await Store.ReadStatusAsync(manifest.Layout, "users", "00000", default);
        Assert.Equal(ItemState.Done, status!.State);
        Assert.Equal(3, status.Attempts);
    }

    [Fact]
    public async Task A_failing_item_is_recorded_with_its_reason_and_the_lane_goes_on()
    {
        var manifest = TestManifests.Manifest(1, ("broken", 1), ("users", 1));
        _extractor.Failures["broken/00000"] = new Queue<Exception>([new InvalidOperationException("Unknown column 'nope' in 'field list'")]);

        var result = await Worker().RunLaneAsync(manifest, 0, default);

        Assert.Equal(new LaneResult(0, 1, 0, 1), result);
        var failed = await Store.ReadStatusAsync(manifest.Layout, "broken", "00000", default);
        Assert.Equal(ItemState.Failed, failed!.State);
        Assert.Equal(1, failed.Attempts);
        Assert.Contains("Unknown column 'nope'", failed.Error, StringComparison.Ordinal);
        Assert.Equal(ItemState.Done, (await Store.ReadStatusAsync(manifest.Layout, "users", "00000", default))!.State);
    }

    [Fact]
    public async Task Transient_failures_beyond_the_retries_fail_the_item()
    {
        var manifest = TestManifests.Manifest(1, ("users", 1));
        _extractor.Failures["users/00000"] = new Queue<Exception>(Enumerable.Range(0, 5).Select(_ => new IOException("connection reset")));

        await Worker().RunLaneAsync(manifest, 0, default);

        var status = await Store.ReadStatusAsync(manifest.Layout, "users", "00000", default);
        Assert.Equal(ItemState.Failed, status!.State);
        Assert.Equal(3, status.Attempts);
    }

    [Fact]
    public async Task Cancelling_leaves_the_item_in_progress_not_done_and_a_rerun_redoes_it()
    {
        var manifest = TestManifests.Manifest(1, ("users", 2));
        using var cancellation = new CancellationTokenSource();
        _extractor.BeforeFinish = async (_, token) =>
        {
            await cancellation.CancelAsync();
            token.ThrowIfCancellationRequested();
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Worker().RunLaneAsync(manifest, 0, cancellation.Token));

        var first = await Store.ReadStatusAsync(manifest.Layout, "users", "00000", default);
        Assert.Equal(ItemState.Failed, first!.State);
        Assert.Contains("Cancelled", first.Error, StringComparison.Ordinal);
        Assert.Null(await Store.ReadStatusAsync(manifest.Layout, "users", "00001", default));

        _extractor.BeforeFinish = null;
        var rerun = await Worker().RunLaneAsync(manifest, 0, default);
        Assert.Equal(2, rerun.Done);
        Assert.Equal(2, (await Store.ReadStatusAsync(manifest.Layout, "users", "00000", default))!.Attempts);
    }
}
