using BatchSync.Composition.BigQueryDestination;
using BatchSync.Composition.MySqlSource;
using BatchSync.Core.Planning;
using BatchSync.Core.Runs;
using BatchSync.Core.Stage;
using BatchSync.Core.Work;
using BatchSync.Core.Workflows.References;

namespace BatchSync.Composition;

/// <summary>The adapters of this build: local staging folders, the MySQL source, BigQuery (or stage-only) destinations.</summary>
internal sealed class ProductionAdapters : IRunAdapters
{
    public static ProductionAdapters Instance { get; } = new();

    public IRunDocuments OpenStaging(string root) => new LocalFolderRunDocuments(root);

    public ISourceCatalog CreateCatalog(ConnectionParts connection, SourceOptions source)
        => new MySqlSourceCatalog(MySqlConnectionSettings.From(connection, source));

    public IItemExtractor CreateExtractor(ConnectionParts connection, SourceOptions source, string stagingRoot)
        => new MySqlItemExtractor(MySqlConnectionSettings.From(connection, source), new LocalFolderStagingStore(stagingRoot));

    public async Task<IWarehouse?> CreateWarehouseAsync(WarehouseRequest request, TextWriter error, CancellationToken cancellationToken)
    {
        var destination = request.Destination;
        if (destination.IsStageOnly)
        {
            return null;
        }

        if (destination.Type == DestinationSummary.BigQuery)
        {
            return await BigQueryWarehouseFactory.CreateAsync(request, new LocalFolderStagingStore(request.StagingRoot), cancellationToken);
        }

        await error.WriteLineAsync($"warning: destination type '{destination.Type}' is not available in this build: the run stages tables and does not load them.");
        return null;
    }
}
