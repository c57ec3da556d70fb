using System.Text.Json;
using BatchSync.BigQuery;
using BatchSync.BigQuery.Auth;
using BatchSync.Core.Workflows.Model;
using BatchSync.Core.Workflows.References;

namespace BatchSync.Composition.BigQueryDestination;

/// <summary>Builds the BigQuery client of a workflow's destination: credentials from the workflow (or ADC), its project, location and endpoint.</summary>
internal static class BigQueryWarehouses
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromMinutes(10) };

    public static async Task<BigQueryWarehouse> CreateAsync(DestinationSettings destination, ReferenceResolver references, CancellationToken cancellationToken)
    {
        var options = new BigQueryClientOptions
        {
            ProjectId = destination.Project ?? throw new UsageException("destination.project is required for a bigquery destination."),
            Location = destination.Location ?? throw new UsageException("destination.location is required for a bigquery destination."),
            ApiRoot = destination.Endpoint ?? BigQueryClientOptions.DefaultApiRoot,
        };
        IAccessTokenSource tokens = destination.Credentials is null
            ? await GoogleCredentialTokenSource.FromApplicationDefaultAsync(cancellationToken)
            : FromJson((await references.ResolveAsync(destination.Credentials, cancellationToken)).Reveal(), destination.Credentials);
        return new BigQueryWarehouse(Http, tokens, options);
    }

    /// <summary>Names where credentials came from; an inline value is never repeated.</summary>
    private static string Describe(ValueReference reference) => reference is LiteralValue ? "an inline value" : reference.ToString();

    /// <summary>A service-account key or an external-account (workload identity federation) configuration.</summary>
    private static GoogleCredentialTokenSource FromJson(string json, ValueReference reference)
    {
        string? type;
        try
        {
            using var document = JsonDocument.Parse(json);
            type = document.RootElement.TryGetProperty("type", out var value) ? value.GetString() : null;
        }
        catch (JsonException)
        {
            // The parser's message could quote key material: say only where the credentials came from.
            throw new UsageException($"destination.credentials ({Describe(reference)}) is not JSON: expected a service-account key or an external-account configuration.");
        }

        return type switch
        {
            "service_account" => GoogleCredentialTokenSource.FromServiceAccountKeyJson(json),
            "external_account" => GoogleCredentialTokenSource.FromExternalAccountJson(json),
            _ => throw new UsageException($"destination.credentials ({Describe(reference)}) has type '{type}': expected service_account or external_account."),
        };
    }
}
