using BatchSync.Composition.BigQueryDestination;
using BatchSync.Composition.MySqlSource;
using BatchSync.Core.Load;
using BatchSync.Core.Planning;
using BatchSync.Core.Runs;
using BatchSync.Core.Work;
using BatchSync.Core.Workflows.Model;
using BatchSync.Core.Workflows.References;
using BatchSync.DuckDb;

namespace BatchSync.Composition;

/// <summary>The adapters of this build: staging in a local folder or S3, the MySQL source, the destination of the workflow.</summary>
internal sealed class ProductionAdapters : IRunAdapters
{
    public static ProductionAdapters Instance { get; } = new();

    public IRunDocuments OpenStaging(string root) => StagingSites.Open(root).Documents;

    public ISourceCatalog CreateCatalog(ConnectionParts connection, SourceOptions source)
        => new MySqlSourceCatalog(MySqlConnectionSettings.From(connection, source));

    public IItemExtractor CreateExtractor(ConnectionParts connection, SourceOptions source, string stagingRoot)
        => new MySqlItemExtractor(MySqlConnectionSettings.From(connection, source), StagingSites.Open(stagingRoot).Store);

    public async Task<IDestination> CreateDestinationAsync(WorkflowDefinition workflow, ReferenceResolver references, string stagingRoot, CancellationToken cancellationToken)
    {
        var site = StagingSites.Open(stagingRoot);
        return workflow.Destination.Type switch
        {
            DestinationType.BigQuery => await BigQueryDestinationFactory.CreateAsync(workflow.Destination, references, site.Store, cancellationToken),
            DestinationType.DuckDb => new DuckDbDestination(workflow.Destination.Path!, site.Store, TimeProvider.System),
            _ => new StageOnlyDestination(site.Documents),
        };
    }
}
