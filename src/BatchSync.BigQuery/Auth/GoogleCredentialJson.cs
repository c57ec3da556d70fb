using System.Text.Json;

namespace BatchSync.BigQuery.Auth;

/// <summary>Chooses the token source for a Google credential JSON document by its <c>type</c>, never quoting the document.</summary>
public static class GoogleCredentialJson
{
    public const string ServiceAccountType = "service_account";
    public const string ExternalAccountType = "external_account";

    /// <exception cref="ArgumentException">The document is not JSON, or not a service-account key or external-account configuration.</exception>
    public static IAccessTokenSource CreateTokenSource(string json)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(json);
        return TypeOf(json) switch
        {
            ServiceAccountType => GoogleCredentialTokenSource.FromServiceAccountKeyJson(json),
            ExternalAccountType => GoogleCredentialTokenSource.FromExternalAccountJson(json),
            var other => throw new ArgumentException(
                $"The BigQuery credentials are a Google credential of type '{other ?? "(none)"}'; BatchSync takes a service-account key (\"type\": \"{ServiceAccountType}\") or a workload identity federation configuration (\"type\": \"{ExternalAccountType}\"). Omit destination.credentials to use application default credentials.",
                nameof(json)),
        };
    }

    private static string? TypeOf(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
                ? type.GetString()
                : null;
        }
        catch (JsonException)
        {
            // Deliberately without the inner exception: its message may quote key material.
            throw new ArgumentException("The BigQuery credentials are not a JSON document; destination.credentials must hold the JSON key or configuration file downloaded from Google Cloud.", nameof(json));
        }
    }
}
