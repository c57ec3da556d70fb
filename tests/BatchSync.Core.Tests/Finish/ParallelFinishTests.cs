using System.Collections.Concurrent;
using BatchSync.Core.Finish;
using BatchSync.Core.Load;
using BatchSync.Core.Progress;
using BatchSync.Core.Runs;
using BatchSync.Core.Tests.Runs;
using BatchSync.Core.Tests.Work;
using BatchSync.Core.Work;

namespace BatchSync.Core.Tests.Finish;

public sealed class ParallelFinishTests
{
    private readonly InMemoryRunDocuments _documents = new();

    [Fact]
    public async Task Tables_land_several_at_a_time_each_exactly_once_and_the_report_is_written_once_in_manifest_order()
    {
        var names = Enumerable.Range(1, 30).Select(t => $"t{t:D2}").ToArray();
        var manifest = TestManifests.Manifest(3, [.. names.Select(name => (name, 1))]);
        var destination = new GatedDestination(RunFinisher.TablesAtOnce);
        var store = new RunStore(_documents);
        var worker = new LaneWorker(store, new FakeExtractor(), destination, SilentProgress.Instance, TimeProvider.System, TimeSpan.Zero);
        for (var lane = 0; lane < manifest.Lanes; lane++)
        {
            await worker.RunLaneAsync(manifest, lane, default);
        }

        var finisher = new RunFinisher(store, new WatermarkStore(_documents), destination, SilentProgress.Instance, TimeProvider.System);
        var report = await finisher.FinishAsync(manifest, default);

        Assert.Equal(names, report.Tables.Select(t => t.OutTable));
        Assert.All(report.Tables, t => Assert.Equal(TableOutcome.Landed, t.Outcome));
        Assert.Equal(names.Order(StringComparer.Ordinal), destination.Finished.Order(StringComparer.Ordinal));
        Assert.Equal(RunFinisher.TablesAtOnce, destination.MostAtOnce);
        Assert.All(names, name => Assert.Equal(1, _documents.Writes[manifest.Layout.Landing(name)]));
        Assert.Equal(1, _documents.Writes[manifest.Layout.Report]);

        // Finishing the same run again (a resumed run job) finds every landing record and lands nothing twice.
        var again = await finisher.FinishAsync(manifest, default);

        Assert.All(again.Tables, t => Assert.Equal(TableOutcome.Landed, t.Outcome));
        Assert.Equal(names.Length, destination.Finished.Count);
    }

    /// <summary>
    /// Lands instantly, but holds the first callers until <c>expected</c> of them are in flight together: finishing
    /// one table after another never gets there, and the wait gives up (failing the table) rather than hang.
    /// </summary>
    private sealed class GatedDestination(int expected) : IDestination
    {
        private readonly TaskCompletionSource _allIn = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _inFlight;
        private int _most;

        public ConcurrentQueue<string> Finished { get; } = new();

        public int MostAtOnce => Volatile.Read(ref _most);

        public Task PrepareAsync(RunManifest manifest, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<long?> LoadItemAsync(RunManifest manifest, ManifestTable table, ManifestItem item, ExtractedItem extracted, CancellationToken cancellationToken)
            => Task.FromResult<long?>(extracted.Rows);

        public async Task<TableLanding> LandTableAsync(RunManifest manifest, ManifestTable table, IReadOnlyList<ItemStatus> items, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref _inFlight);
            int seen;
            while (now > (seen = Volatile.Read(ref _most)) && Interlocked.CompareExchange(ref _most, now, seen) != seen)
            {
            }

            try
            {
                if (now >= expected)
                {
                    _allIn.TrySetResult();
                }

                await _allIn.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
                Finished.Enqueue(table.OutTable);
                return new TableLanding($"proj.raw.{table.OutTable}", items.Sum(i => i.Rows ?? 0));
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }
    }
}
