using System.Text.Json;

namespace BatchSync.BigQuery.Auth;

/// <summary>Chooses the token source for a Google credential JSON document by its <c>type</c>, never quoting the document.</summary>
public static class GoogleCredentialJson
{
    public const string ServiceAccountType = "service_account";
    public const string ExternalAccountType = "external_account";

    /// <param name="json">The credential document.</param>
    /// <param name="awsSubjectTokens">
    /// Signs the AWS subject token of an external account whose credential source is AWS, with the process's own AWS
    /// credential chain (which, unlike Google.Apis.Auth's AWS source, reaches Fargate's container credentials).
    /// </param>
    /// <exception cref="ArgumentException">The document is not JSON, or not a service-account key or external-account configuration.</exception>
    public static IAccessTokenSource CreateTokenSource(string json, AwsSubjectTokenFactory awsSubjectTokens)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(json);
        ArgumentNullException.ThrowIfNull(awsSubjectTokens);
        using var document = Parse(json);
        var root = document.RootElement;
        return TypeOf(root) switch
        {
            ServiceAccountType => GoogleCredentialTokenSource.FromServiceAccountKeyJson(json),
            ExternalAccountType when AwsExternalAccountConfiguration.IsAws(root) => new AwsFederatedTokenSource(AwsExternalAccountConfiguration.Parse(root), awsSubjectTokens),
            ExternalAccountType => GoogleCredentialTokenSource.FromExternalAccountJson(json),
            var other => throw new ArgumentException(
                $"The BigQuery credentials are a Google credential of type '{other ?? "(none)"}'; BatchSync takes a service-account key (\"type\": \"{ServiceAccountType}\") or a workload identity federation configuration (\"type\": \"{ExternalAccountType}\"). Omit destination.credentials to use application default credentials.",
                nameof(json)),
        };
    }

    private static string? TypeOf(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
            ? type.GetString()
            : null;

    private static JsonDocument Parse(string json)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            // Deliberately without the inner exception: its message may quote key material.
            throw new ArgumentException("The BigQuery credentials are not a JSON document; destination.credentials must hold the JSON key or configuration file downloaded from Google Cloud.", nameof(json));
        }
    }
}
