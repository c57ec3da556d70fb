using BatchSync.BigQuery;
using BatchSync.BigQuery.Auth;
using BatchSync.BigQuery.Warehouse;
using BatchSync.Core.Stage;
using BatchSync.Core.Work;
using BatchSync.Core.Workflows.References;

namespace BatchSync.Composition.BigQueryDestination;

/// <summary>
/// Builds the BigQuery destination of a run: credentials from destination.credentials (a service-account key or an
/// external-account configuration, resolved like every other reference), application default credentials when it is
/// absent, and the API root from destination.endpoint. The location goes with every job.
/// </summary>
internal static class BigQueryWarehouseFactory
{
    public static async Task<IWarehouse> CreateAsync(WarehouseRequest request, IStagingStore staging, CancellationToken cancellationToken)
    {
        var destination = request.Destination;
        var options = new BigQueryClientOptions
        {
            ProjectId = destination.Project ?? throw new UsageException("destination.project is not set: name the Google Cloud project to land in."),
            Location = destination.Location ?? throw new UsageException("destination.location is not set: BigQuery jobs must run in the dataset's location (e.g. US, EU, asia-northeast1)."),
            ApiRoot = request.Settings.Endpoint ?? BigQueryClientOptions.DefaultApiRoot,
        };
        var tokens = await CreateTokenSourceAsync(request, cancellationToken);
        return new BigQueryRunWarehouse(new BigQueryWarehouse(new HttpClient(), tokens, options), staging);
    }

    private static async Task<IAccessTokenSource> CreateTokenSourceAsync(WarehouseRequest request, CancellationToken cancellationToken)
    {
        if (request.Settings.Credentials is { } reference)
        {
            ISecretSource? secrets = request.SecretsFile is null ? null : await LocalSecretsFile.LoadAsync(request.SecretsFile, cancellationToken);
            var json = await new ReferenceResolver(secrets).ResolveAsync(reference, cancellationToken);
            return GoogleCredentialJson.CreateTokenSource(json.Reveal());
        }

        if (EmulatorEndpoint.IsLoopback(request.Settings.Endpoint))
        {
            return new StaticAccessTokenSource(EmulatorEndpoint.Token);
        }

        try
        {
            return await GoogleCredentialTokenSource.FromApplicationDefaultAsync(cancellationToken);
        }
        catch (InvalidOperationException exception)
        {
            throw new WarehouseException(
                "destination.credentials is not set and no Google application default credentials were found: set destination.credentials to a secret holding a service-account key or workload identity configuration, or set GOOGLE_APPLICATION_CREDENTIALS.",
                exception);
        }
    }
}
