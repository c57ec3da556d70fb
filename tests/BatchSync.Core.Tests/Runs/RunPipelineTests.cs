using BatchSync.Core.Finish;
using BatchSync.Core.Launch;
using BatchSync.Core.Load;
using BatchSync.Core.Planning;
using BatchSync.Core.Progress;
using BatchSync.Core.Runs;
using BatchSync.Core.Tests.Planning;
using BatchSync.Core.Tests.Work;
using BatchSync.Core.Work;

namespace BatchSync.Core.Tests.Runs;

public class RunPipelineTests
{
    private readonly InMemoryRunDocuments _documents = new();
    private readonly FakeExtractor _extractor = new();

    private RunPipeline Pipeline(FakeSourceCatalog catalog, IDestination? destination = null)
    {
        var store = new RunStore(_documents);
        var watermarks = new WatermarkStore(_documents);
        destination ??= new StageOnlyDestination(_documents);
        var worker = new LaneWorker(store, _extractor, destination, SilentProgress.Instance, TimeProvider.System, TimeSpan.Zero);
        return new RunPipeline(
            new RunPlanner(() => catalog, watermarks), store, new InProcessLauncher(worker),
            new RunFinisher(store, watermarks, destination, SilentProgress.Instance, TimeProvider.System), destination, SilentProgress.Instance);
    }

    [Fact]
    public async Task Lanes_run_concurrently_in_process()
    {
        var catalog = new FakeSourceCatalog().With("a", 10, 100).With("b", 10, 100);
        var bothStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = 0;
        _extractor.BeforeFinish = async (_, token) =>
        {
            // Each item waits for the other: only concurrent lanes can finish.
            if (Interlocked.Increment(ref started) == 2)
            {
                bothStarted.SetResult();
            }

            await bothStarted.Task.WaitAsync(token);
        };

        var result = await Pipeline(catalog).RunAsync(TestManifests.Request(2, TestManifests.Table("a"), TestManifests.Table("b")), default)
            .WaitAsync(TimeSpan.FromMinutes(1));

        Assert.True(result.Succeeded);
        Assert.Equal(2, result.Manifest.Lanes);
    }

    [Fact]
    public async Task Running_a_run_id_again_resumes_its_manifest_instead_of_planning_anew()
    {
        var catalog = new FakeSourceCatalog().With("a", 10, 100);
        var request = TestManifests.Request(1, TestManifests.Table("a"));
        var first = await Pipeline(catalog).RunAsync(request, default);

        // The source changed since; the resumed run must still follow the first plan.
        catalog.With("a", 99, 9999, key: null);
        var second = await Pipeline(catalog).RunAsync(request, default);

        Assert.False(first.Resumed);
        Assert.True(second.Resumed);
        Assert.Equal(RunJson.Serialize(first.Manifest), RunJson.Serialize(second.Manifest));
        Assert.Single(_extractor.Calls);
        Assert.Equal(1, _documents.Writes["runs/shop_daily/r1/manifest.json"]);
    }

    [Fact]
    public async Task A_resumed_run_prepares_only_the_tables_it_has_not_landed_yet()
    {
        var catalog = new FakeSourceCatalog().With("a", 10, 100).With("b", 10, 100);
        var request = TestManifests.Request(1, TestManifests.Table("a"), TestManifests.Table("b"));
        var destination = new LandingDestination { Refused = "b" };
        var first = await Pipeline(catalog, destination).RunAsync(request, default);

        destination.Refused = null;
        var second = await Pipeline(catalog, destination).RunAsync(request, default);

        Assert.False(first.Succeeded);
        Assert.True(second.Succeeded);
        // Preparing "a" again would recreate its per-run staging, which its landing dropped and nothing would drop again.
        Assert.Equal(new[] { new[] { "a", "b" }, ["b"] }, destination.Prepared);
        Assert.Equal(["a", "b", "b"], destination.Landings.Order(StringComparer.Ordinal));
    }

    /// <summary>Lands every table except <see cref="Refused"/>, and records what it was asked to prepare and land.</summary>
    private sealed class LandingDestination : IDestination
    {
        public string? Refused { get; set; }

        public List<string[]> Prepared { get; } = [];

        public List<string> Landings { get; } = [];

        public Task PrepareAsync(RunManifest manifest, CancellationToken cancellationToken)
        {
            Prepared.Add([.. manifest.Tables.Select(table => table.OutTable)]);
            return Task.CompletedTask;
        }

        public Task<long?> LoadItemAsync(RunManifest manifest, ManifestTable table, ManifestItem item, ExtractedItem extracted, CancellationToken cancellationToken)
            => Task.FromResult<long?>(null);

        public Task<TableLanding> LandTableAsync(RunManifest manifest, ManifestTable table, IReadOnlyList<ItemStatus> items, CancellationToken cancellationToken)
        {
            lock (Landings)
            {
                Landings.Add(table.OutTable);
            }

            return table.OutTable == Refused
                ? throw new DestinationException($"{table.OutTable} refused")
                : Task.FromResult(new TableLanding(table.OutTable, items.Sum(status => status.Rows ?? 0)));
        }
    }
}
