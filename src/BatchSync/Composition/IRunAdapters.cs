using BatchSync.Core.Planning;
using BatchSync.Core.Runs;
using BatchSync.Core.Work;
using BatchSync.Core.Workflows.References;

namespace BatchSync.Composition;

/// <summary>The outside world a run talks to: the staging store, the source database and the destination.</summary>
internal interface IRunAdapters
{
    /// <summary>The run documents under a staging root (a local folder).</summary>
    IRunDocuments OpenStaging(string root);

    ISourceCatalog CreateCatalog(ConnectionParts connection, SourceOptions source);

    IItemExtractor CreateExtractor(ConnectionParts connection, SourceOptions source, string stagingRoot);

    /// <summary>The run's destination, or null to stop after staging. Throws, before any lane starts, when it cannot be built.</summary>
    Task<IWarehouse?> CreateWarehouseAsync(WarehouseRequest request, TextWriter error, CancellationToken cancellationToken);
}
