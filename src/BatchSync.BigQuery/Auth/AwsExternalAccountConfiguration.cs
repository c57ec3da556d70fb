using System.Text.Json;

namespace BatchSync.BigQuery.Auth;

/// <summary>
/// The fields of a workload identity federation configuration (<c>"type": "external_account"</c>) whose credential
/// source is AWS (<c>credential_source.environment_id</c> "aws1"), as <c>gcloud iam workload-identity-pools
/// create-cred-config --aws</c> writes it. It names endpoints and the pool provider; it holds no secret.
/// </summary>
public sealed record AwsExternalAccountConfiguration(
    string Audience,
    string SubjectTokenType,
    Uri TokenUrl,
    string RegionalCredentialVerificationUrl,
    Uri? ServiceAccountImpersonationUrl)
{
    public const string AwsSubjectTokenType = "urn:ietf:params:aws:token-type:aws4_request";
    public const string DefaultVerificationUrl = "https://sts.{region}.amazonaws.com?Action=GetCallerIdentity&Version=2011-06-15";

    /// <summary>True when the document's credential source is AWS (environment_id "aws…").</summary>
    public static bool IsAws(JsonElement root) =>
        root.TryGetProperty("credential_source", out var source) && source.ValueKind == JsonValueKind.Object
        && source.TryGetProperty("environment_id", out var id) && id.ValueKind == JsonValueKind.String
        && (id.GetString() ?? "").StartsWith("aws", StringComparison.Ordinal);

    /// <exception cref="ArgumentException">A field is missing or not what Google accepts; the message names it.</exception>
    public static AwsExternalAccountConfiguration Parse(JsonElement root)
    {
        var source = root.GetProperty("credential_source");
        if (Text(source, "environment_id") != "aws1")
        {
            throw Invalid("credential_source.environment_id", "only \"aws1\" is defined for AWS");
        }

        var subjectTokenType = Text(root, "subject_token_type") ?? AwsSubjectTokenType;
        if (subjectTokenType != AwsSubjectTokenType)
        {
            throw Invalid("subject_token_type", $"an AWS credential source needs \"{AwsSubjectTokenType}\"");
        }

        return new AwsExternalAccountConfiguration(
            Audience: Text(root, "audience") ?? throw Invalid("audience", "it is missing: the workload identity pool provider's resource name"),
            SubjectTokenType: subjectTokenType,
            TokenUrl: GoogleUrl(root, "token_url", "sts") ?? throw Invalid("token_url", "it is missing"),
            RegionalCredentialVerificationUrl: Text(source, "regional_cred_verification_url") ?? DefaultVerificationUrl,
            ServiceAccountImpersonationUrl: GoogleUrl(root, "service_account_impersonation_url", "iamcredentials"));
    }

    /// <summary>The service account named by the impersonation URL (…/serviceAccounts/NAME:generateAccessToken).</summary>
    public string? ServiceAccount
    {
        get
        {
            var path = ServiceAccountImpersonationUrl?.AbsolutePath;
            var start = path?.LastIndexOf("/serviceAccounts/", StringComparison.Ordinal) ?? -1;
            var end = path?.LastIndexOf(":generateAccessToken", StringComparison.Ordinal) ?? -1;
            return start < 0 || end < start ? null : Uri.UnescapeDataString(path![(start + "/serviceAccounts/".Length)..end]);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    // The subject token proves our AWS identity to whoever receives it, so it only goes to Google's endpoints (or to a
    // server on this machine: an emulator or test fake), never to a host a configuration happens to name.
    private static Uri? GoogleUrl(JsonElement root, string name, string service)
    {
        if (Text(root, name) is not { } text)
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var url))
        {
            throw Invalid(name, "it is not an absolute URL");
        }

        var google = url.Scheme == Uri.UriSchemeHttps && (url.Host == $"{service}.googleapis.com" || url.Host.EndsWith($".{service}.googleapis.com", StringComparison.Ordinal));
        return google || url.IsLoopback
            ? url
            : throw Invalid(name, $"BatchSync sends the AWS-signed token only to https://{service}.googleapis.com (or a loopback emulator), not to {url.Scheme}://{url.Host}");
    }

    private static ArgumentException Invalid(string field, string why) =>
        new($"The workload identity federation configuration (destination.credentials) has a bad {field}: {why}.", "json");
}
