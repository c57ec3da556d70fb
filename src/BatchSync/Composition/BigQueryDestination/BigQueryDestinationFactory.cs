using BatchSync.BigQuery;
using BatchSync.BigQuery.Auth;
using BatchSync.Composition.Aws;
using BatchSync.Core.Load;
using BatchSync.Core.Stage;
using BatchSync.Core.Workflows.Model;
using BatchSync.Core.Workflows.References;

namespace BatchSync.Composition.BigQueryDestination;

/// <summary>
/// Builds the BigQuery destination of a run: credentials from destination.credentials (a service-account key or an
/// external-account configuration, resolved like every other reference), application default credentials when it is
/// absent, and the API root from destination.endpoint. The location goes with every job.
/// </summary>
internal static class BigQueryDestinationFactory
{
    // One client for the process: uploads send chunks of up to 16 MiB, which a slow link needs minutes for.
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromMinutes(10) };

    public static async Task<IDestination> CreateAsync(DestinationSettings destination, ReferenceResolver references, IStagingStore staging, CancellationToken cancellationToken)
    {
        var options = new BigQueryClientOptions
        {
            ProjectId = destination.Project ?? throw new UsageException("destination.project is not set: name the Google Cloud project to land in."),
            Location = destination.Location ?? throw new UsageException("destination.location is not set: BigQuery jobs must run in the dataset's location (e.g. US, EU, asia-northeast1)."),
            ApiRoot = destination.Endpoint ?? BigQueryClientOptions.DefaultApiRoot,
        };
        var tokens = await CreateTokenSourceAsync(destination, references, cancellationToken);
        return new BigQuery.BigQueryDestination(Http, tokens, options, staging);
    }

    private static async Task<IAccessTokenSource> CreateTokenSourceAsync(DestinationSettings destination, ReferenceResolver references, CancellationToken cancellationToken)
    {
        if (destination.Credentials is { } reference)
        {
            var json = await references.ResolveAsync(reference, cancellationToken);
            return GoogleCredentialJson.CreateTokenSource(json.Reveal(), AwsClients.CallerIdentityTokenAsync);
        }

        if (EmulatorEndpoint.IsLoopback(destination.Endpoint))
        {
            return new StaticAccessTokenSource(EmulatorEndpoint.Token);
        }

        try
        {
            return await GoogleCredentialTokenSource.FromApplicationDefaultAsync(cancellationToken);
        }
        catch (InvalidOperationException exception)
        {
            throw new DestinationException(
                "destination.credentials is not set and no Google application default credentials were found: set destination.credentials to a secret holding a service-account key or workload identity configuration, or set GOOGLE_APPLICATION_CREDENTIALS.",
                exception);
        }
    }
}
