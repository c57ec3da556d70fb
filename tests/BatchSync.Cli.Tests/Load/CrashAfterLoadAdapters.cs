using BatchSync.Composition;
using BatchSync.Core.Load;
using BatchSync.Core.Planning;
using BatchSync.Core.Runs;
using BatchSync.Core.Work;
using BatchSync.Core.Workflows.Model;
using BatchSync.Core.Workflows.References;

namespace BatchSync.Cli.Tests.Load;

/// <summary>
/// The production adapters, except that the process "dies" right after an item's load jobs were inserted and before
/// the lane records the item as done: the run is cancelled at that point, as a killed container would stop.
/// </summary>
internal sealed class CrashAfterLoadAdapters(CancellationTokenSource crash) : IRunAdapters
{
    private readonly IRunAdapters _inner = ProductionAdapters.Instance;

    public IRunDocuments OpenStaging(string root) => _inner.OpenStaging(root);

    public ISourceCatalog CreateCatalog(ConnectionParts connection, SourceOptions source) => _inner.CreateCatalog(connection, source);

    public IItemExtractor CreateExtractor(ConnectionParts connection, SourceOptions source, string stagingRoot) => _inner.CreateExtractor(connection, source, stagingRoot);

    public async Task<IDestination> CreateDestinationAsync(WorkflowDefinition workflow, ReferenceResolver references, string stagingRoot, CancellationToken cancellationToken)
        => new CrashingDestination(await _inner.CreateDestinationAsync(workflow, references, stagingRoot, cancellationToken), crash);

    private sealed class CrashingDestination(IDestination inner, CancellationTokenSource crash) : IDestination
    {
        public Task PrepareAsync(RunManifest manifest, CancellationToken cancellationToken) => inner.PrepareAsync(manifest, cancellationToken);

        public async Task<long?> LoadItemAsync(RunManifest manifest, ManifestTable table, ManifestItem item, ExtractedItem extracted, CancellationToken cancellationToken)
        {
            await inner.LoadItemAsync(manifest, table, item, extracted, cancellationToken);
            await crash.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
            throw new InvalidOperationException("The crash was meant to cancel this run.");
        }

        public Task<TableLanding> LandTableAsync(RunManifest manifest, ManifestTable table, IReadOnlyList<ItemStatus> items, CancellationToken cancellationToken)
            => inner.LandTableAsync(manifest, table, items, cancellationToken);
    }
}
