using BatchSync.Composition.BigQueryDestination;
using BatchSync.Composition.MySqlSource;
using BatchSync.Core.Planning;
using BatchSync.Core.Runs;
using BatchSync.Core.Work;
using BatchSync.Core.Workflows.Model;
using BatchSync.Core.Workflows.References;

namespace BatchSync.Composition;

/// <summary>The adapters of this build: staging in a local folder or S3, the MySQL source, BigQuery (or no) destination.</summary>
internal sealed class ProductionAdapters : IRunAdapters
{
    public static ProductionAdapters Instance { get; } = new();

    public IRunDocuments OpenStaging(string root) => StagingSites.Open(root).Documents;

    /// <summary>Connections planning opens at most (fewer when the workflow's max_connections is lower).</summary>
    private const int PlanningConnections = 4;

    public ISourceCatalog CreateCatalog(ConnectionParts connection, SourceOptions source)
        => new MySqlSourceCatalog(MySqlConnectionSettings.From(connection, source), Math.Min(source.MaxConnections ?? PlanningConnections, PlanningConnections));

    public IItemExtractor CreateExtractor(ConnectionParts connection, SourceOptions source, string stagingRoot)
        => new MySqlItemExtractor(MySqlConnectionSettings.From(connection, source), StagingSites.Open(stagingRoot).Store);

    public async Task<IWarehouse?> CreateWarehouseAsync(WorkflowDefinition workflow, ReferenceResolver references, string stagingRoot, CancellationToken cancellationToken)
    {
        if (workflow.Destination.Type == DestinationType.None)
        {
            return null;
        }

        return await BigQueryWarehouseFactory.CreateAsync(workflow.Destination, references, StagingSites.Open(stagingRoot).Store, cancellationToken);
    }
}
