using Google.Apis.Auth.OAuth2;

namespace BatchSync.BigQuery.Auth;

/// <summary>
/// Access tokens from Google.Apis.Auth: a service-account key, an external-account configuration (workload identity
/// federation, e.g. with AWS as the identity source) or application default credentials. The library caches and
/// refreshes tokens; this type only scopes the credential to BigQuery.
/// </summary>
public sealed class GoogleCredentialTokenSource : IAccessTokenSource
{
    public const string BigQueryScope = "https://www.googleapis.com/auth/bigquery";

    private readonly ITokenAccess _credential;
    private readonly string _kind;

    private GoogleCredentialTokenSource(GoogleCredential credential, string kind)
    {
        _credential = credential.CreateScoped(BigQueryScope);
        _kind = kind;
    }

    /// <summary>A service-account key JSON document, typically read from a secret.</summary>
    public static GoogleCredentialTokenSource FromServiceAccountKeyJson(string keyJson) =>
        new(Parse(keyJson, JsonCredentialParameters.ServiceAccountCredentialType, "service-account key"), "service account key");

    /// <summary>An external-account (workload identity federation) configuration JSON document.</summary>
    public static GoogleCredentialTokenSource FromExternalAccountJson(string configurationJson) =>
        new(Parse(configurationJson, JsonCredentialParameters.ExternalAccountCredentialType, "external-account configuration"), "external account");

    /// <summary>Application default credentials (GOOGLE_APPLICATION_CREDENTIALS, gcloud, metadata server).</summary>
    public static async Task<GoogleCredentialTokenSource> FromApplicationDefaultAsync(CancellationToken cancellationToken) =>
        new(await GoogleCredential.GetApplicationDefaultAsync(cancellationToken), "application default credentials");

    public Task<string> GetAccessTokenAsync(CancellationToken cancellationToken) =>
        _credential.GetAccessTokenForRequestAsync(authUri: null, cancellationToken);

    public override string ToString() => _kind;

    private static GoogleCredential Parse(string json, string credentialType, string what)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(json);
        try
        {
            return CredentialFactory.FromJson(json, credentialType);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or Newtonsoft.Json.JsonException)
        {
            // The library's message can quote the document; report only what is wrong, never the key material.
            throw new ArgumentException($"The Google {what} JSON is not valid ({ex.GetType().Name}). Check that the secret holds the JSON file downloaded from Google Cloud, with \"type\" set accordingly.", nameof(json));
        }
    }
}
