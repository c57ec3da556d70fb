using BatchSync.Core.Load;
using BatchSync.Core.Planning;
using BatchSync.Core.Runs;
using BatchSync.Core.Work;
using BatchSync.Core.Workflows.Model;
using BatchSync.Core.Workflows.References;

namespace BatchSync.Composition;

/// <summary>The outside world a run talks to: the staging store, the source database and the destination.</summary>
internal interface IRunAdapters
{
    /// <summary>The run documents under a staging root (a local folder).</summary>
    IRunDocuments OpenStaging(string root);

    ISourceCatalog CreateCatalog(ConnectionParts connection, SourceOptions source);

    IItemExtractor CreateExtractor(ConnectionParts connection, SourceOptions source, string stagingRoot);

    /// <summary>The workflow's destination adapter (stage only, DuckDB or BigQuery).</summary>
    Task<IDestination> CreateDestinationAsync(WorkflowDefinition workflow, ReferenceResolver references, string stagingRoot, CancellationToken cancellationToken);
}
