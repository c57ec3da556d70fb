using BatchSync.Composition;
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

    public async Task<IWarehouse?> CreateWarehouseAsync(WorkflowDefinition workflow, ReferenceResolver references, string stagingRoot, CancellationToken cancellationToken)
        => await _inner.CreateWarehouseAsync(workflow, references, stagingRoot, cancellationToken) is { } warehouse ? new CrashingWarehouse(warehouse, crash) : null;

    private sealed class CrashingWarehouse(IWarehouse inner, CancellationTokenSource crash) : IWarehouse
    {
        public Task PrepareAsync(RunManifest manifest, CancellationToken cancellationToken) => inner.PrepareAsync(manifest, cancellationToken);

        public async Task<long> LoadItemAsync(RunManifest manifest, ManifestTable table, ManifestItem item, ExtractedItem extracted, CancellationToken cancellationToken)
        {
            await inner.LoadItemAsync(manifest, table, item, extracted, cancellationToken);
            await crash.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
            throw new InvalidOperationException("The crash was meant to cancel this run.");
        }

        public Task<TableLanding> FinishTableAsync(RunManifest manifest, ManifestTable table, long expectedRows, CancellationToken cancellationToken)
            => inner.FinishTableAsync(manifest, table, expectedRows, cancellationToken);
    }
}
