using BatchSync.BigQuery;
using BatchSync.BigQuery.Auth;
using BatchSync.BigQuery.Fake;
using BatchSync.Composition;
using BatchSync.Core.Load;
using BatchSync.Core.Planning;
using BatchSync.Core.Runs;
using BatchSync.Core.Stage;
using BatchSync.Core.Work;
using BatchSync.Core.Workflows.Model;
using BatchSync.Core.Workflows.References;

namespace BatchSync.Cli.Tests.Run;

/// <summary>The production adapters, with the BigQuery client pointed at the strict fake (static token, the fake's clock).</summary>
internal sealed class FakeBigQueryAdapters(FakeBigQueryServer fake) : IRunAdapters, IDisposable
{
    private readonly HttpClient _http = new();

    public IRunDocuments OpenStaging(string root) => ProductionAdapters.Instance.OpenStaging(root);

    public ISourceCatalog CreateCatalog(ConnectionParts connection, SourceOptions source) => ProductionAdapters.Instance.CreateCatalog(connection, source);

    public IItemExtractor CreateExtractor(ConnectionParts connection, SourceOptions source, string stagingRoot)
        => ProductionAdapters.Instance.CreateExtractor(connection, source, stagingRoot);

    public Task<IDestination> CreateDestinationAsync(WorkflowDefinition workflow, ReferenceResolver references, string stagingRoot, CancellationToken cancellationToken)
    {
        var options = new BigQueryClientOptions
        {
            ProjectId = workflow.Destination.Project!,
            Location = workflow.Destination.Location!,
            ApiRoot = fake.BaseUri,
            UploadChunkSize = 256 * 1024,
        };
        return Task.FromResult<IDestination>(new BigQueryDestination(_http, new StaticAccessTokenSource(FakeBigQueryServer.Token), options, new LocalFolderStagingStore(stagingRoot), fake.Clock));
    }

    public void Dispose() => _http.Dispose();
}
