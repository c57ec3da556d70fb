using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BatchSync.Aws.Fake;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BatchSync.BigQuery.Fake.Federation;

/// <summary>
/// Google's side of workload identity federation with AWS on 127.0.0.1: the STS token exchange (sts.googleapis.com
/// /v1/token) and service-account impersonation (iamcredentials.googleapis.com generateAccessToken). The exchange
/// checks the subject token as Google documents it: the URL-encoded JSON of a signed AWS GetCallerIdentity request
/// whose SigV4 signature verifies with the caller's AWS keys and session token and which signs the
/// x-goog-cloud-target-resource header naming the provider (the audience).
/// </summary>
public sealed partial class FakeGoogleFederation : IAsyncDisposable
{
    public const string GrantType = "urn:ietf:params:oauth:grant-type:token-exchange";
    public const string RequestedTokenType = "urn:ietf:params:oauth:token-type:access_token";
    public const string AwsSubjectTokenType = "urn:ietf:params:aws:token-type:aws4_request";

    private readonly WebApplication _app;
    private readonly Func<string, IssuedAwsCredentials?> _awsKeys;
    private readonly Lock _sync = new();
    private readonly Dictionary<string, DateTimeOffset> _federatedTokens = [];
    private readonly Dictionary<string, DateTimeOffset> _accessTokens = [];

    private FakeGoogleFederation(WebApplication app, string audience, string serviceAccount, Func<string, IssuedAwsCredentials?> awsKeys)
    {
        _app = app;
        Audience = audience;
        ServiceAccount = serviceAccount;
        _awsKeys = awsKeys;
    }

    /// <summary>The workload identity pool provider the pool trusts.</summary>
    public string Audience { get; }

    /// <summary>The one service account the pool's principals were granted roles/iam.workloadIdentityUser on.</summary>
    public string ServiceAccount { get; }

    public Uri TokenUrl { get; private set; } = null!;

    public Uri ImpersonationUrl { get; private set; } = null!;

    /// <summary>How long impersonated access tokens live when the request names no lifetime.</summary>
    public TimeSpan DefaultLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The AWS access key of every subject token the exchange accepted, in order.</summary>
    public List<string> ExchangedAccessKeys { get; } = [];

    /// <summary>Every generateAccessToken request accepted: the scopes and lifetime asked for.</summary>
    public List<(IReadOnlyList<string> Scopes, string? Lifetime)> Impersonations { get; } = [];

    /// <summary>Why requests were refused, as Google would say it.</summary>
    public List<string> Rejections { get; } = [];

    /// <summary>Starts the fake; <paramref name="awsKeys"/> finds the key set AWS issued for an access key id.</summary>
    public static async Task<FakeGoogleFederation> StartAsync(string audience, string serviceAccount, Func<string, IssuedAwsCredentials?> awsKeys)
    {
        var (fake, root) = await LoopbackWebServer.StartAsync(app => new FakeGoogleFederation(app, audience, serviceAccount, awsKeys), f => f.HandleAsync);
        fake.TokenUrl = new Uri(root + "/v1/token");
        fake.ImpersonationUrl = new Uri($"{root}/v1/projects/-/serviceAccounts/{Uri.EscapeDataString(serviceAccount)}:generateAccessToken");
        return fake;
    }

    /// <summary>True for an unexpired access token this fake issued by impersonation.</summary>
    public bool IsIssuedAccessToken(string token)
    {
        lock (_sync)
        {
            return _accessTokens.TryGetValue(token, out var expires) && expires > DateTimeOffset.UtcNow;
        }
    }

    /// <summary>The configuration file `gcloud iam workload-identity-pools create-cred-config --aws` writes, pointed at this fake.</summary>
    public JsonObject CredentialConfiguration(bool impersonate = true)
    {
        var configuration = new JsonObject
        {
            ["universe_domain"] = "googleapis.com",
            ["type"] = "external_account",
            ["audience"] = Audience,
            ["subject_token_type"] = AwsSubjectTokenType,
            ["token_url"] = TokenUrl.AbsoluteUri,
            ["credential_source"] = new JsonObject
            {
                ["environment_id"] = "aws1",
                ["region_url"] = "http://169.254.169.254/latest/meta-data/placement/availability-zone",
                ["url"] = "http://169.254.169.254/latest/meta-data/iam/security-credentials",
                ["regional_cred_verification_url"] = "https://sts.{region}.amazonaws.com?Action=GetCallerIdentity&Version=2011-06-15",
            },
        };
        if (impersonate)
        {
            configuration["service_account_impersonation_url"] = ImpersonationUrl.AbsoluteUri;
        }

        return configuration;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var path = context.Request.Path.Value ?? "";
        (int Status, JsonObject Body) answer;
        lock (_sync)
        {
            answer = context.Request.Method != "POST" ? (405, OAuthError("invalid_request", "Only POST is allowed."))
                : path == "/v1/token" ? Exchange(context.Request, buffer.ToArray())
                : ImpersonationPath().Match(path) is { Success: true } match ? Impersonate(context.Request, Uri.UnescapeDataString(match.Groups[1].Value), buffer.ToArray())
                : (404, OAuthError("not_found", $"No method {path}."));
            if (answer.Status != 200)
            {
                Rejections.Add($"{path}: {answer.Body.ToJsonString()}");
            }
        }

        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = "application/json; charset=UTF-8";
        await context.Response.WriteAsync(answer.Body.ToJsonString());
    }

    private (int, JsonObject) Exchange(HttpRequest request, byte[] body)
    {
        var form = ReadFields(request, body);
        string? Field(string name) => form.TryGetValue(name, out var value) ? value : null;
        if (Field("grant_type") != GrantType)
        {
            return (400, OAuthError("unsupported_grant_type", $"grant_type must be {GrantType}."));
        }

        if (Field("requested_token_type") != RequestedTokenType)
        {
            return (400, OAuthError("invalid_request", $"requested_token_type must be {RequestedTokenType}."));
        }

        if (Field("audience") != Audience)
        {
            return (400, OAuthError("invalid_target", "The target service indicated by the \"audience\" parameters is invalid."));
        }

        if (Field("subject_token_type") != AwsSubjectTokenType)
        {
            return (400, OAuthError("invalid_request", $"The provider expects subject_token_type {AwsSubjectTokenType}."));
        }

        if (string.IsNullOrEmpty(Field("scope")))
        {
            return (400, OAuthError("invalid_scope", "A scope is required."));
        }

        if (VerifySubjectToken(Field("subject_token") ?? "") is { } problem)
        {
            return (400, OAuthError("invalid_grant", problem));
        }

        var token = $"federated-{_federatedTokens.Count + 1}-{Guid.NewGuid():N}";
        _federatedTokens[token] = DateTimeOffset.UtcNow.AddHours(1);
        return (200, new JsonObject
        {
            ["access_token"] = token,
            ["issued_token_type"] = RequestedTokenType,
            ["token_type"] = "Bearer",
            ["expires_in"] = 3600,
        });
    }

    private string? VerifySubjectToken(string subjectToken)
    {
        JsonObject request;
        try
        {
            request = JsonNode.Parse(Uri.UnescapeDataString(subjectToken)) as JsonObject ?? throw new JsonException();
        }
        catch (JsonException)
        {
            return "The subject token is not the URL-encoded JSON of a signed GetCallerIdentity request.";
        }

        var headers = (request["headers"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .GroupBy(h => (h["key"]?.GetValue<string>() ?? "").ToLowerInvariant())
            .ToDictionary(g => g.Key, g => g.Last()["value"]?.GetValue<string>() ?? "", StringComparer.Ordinal);
        if (request["method"]?.GetValue<string>() != "POST")
        {
            return "The GetCallerIdentity request must use POST.";
        }

        if (!Uri.TryCreate(request["url"]?.GetValue<string>(), UriKind.Absolute, out var url) || url.Scheme != "https"
            || StsHost().Match(url.Host) is not { Success: true } host
            || url.Query.TrimStart('?').Split('&').Order(StringComparer.Ordinal).SequenceEqual(["Action=GetCallerIdentity", "Version=2011-06-15"]) is false)
        {
            return $"The subject token's url '{request["url"]}' is not an AWS STS GetCallerIdentity URL.";
        }

        if (!headers.TryGetValue("x-goog-cloud-target-resource", out var target) || target != Audience)
        {
            return "The x-goog-cloud-target-resource header must name the workload identity pool provider.";
        }

        if (!headers.TryGetValue("host", out var hostHeader) || hostHeader != url.Host)
        {
            return "The host header must match the GetCallerIdentity URL.";
        }

        var authorization = headers.GetValueOrDefault("authorization", "");
        var accessKey = Regex.Match(authorization, "Credential=([^/]+)/").Groups[1].Value;
        if (_awsKeys(accessKey) is not { } keys)
        {
            return "AWS rejected the GetCallerIdentity request: InvalidClientTokenId.";
        }

        if (headers.GetValueOrDefault("x-amz-security-token") != keys.SessionToken)
        {
            return "AWS rejected the GetCallerIdentity request: the security token included in the request is invalid.";
        }

        if (!Regex.Match(authorization, "SignedHeaders=([^,]+)").Groups[1].Value.Split(';').Contains("x-goog-cloud-target-resource"))
        {
            return "The x-goog-cloud-target-resource header must be signed.";
        }

        var region = host.Groups["region"].Success ? host.Groups["region"].Value : "us-east-1";
        var verifier = new SigV4Verifier(keys.AccessKey, keys.SecretKey, region, "sts", () => DateTimeOffset.UtcNow) { AllowedSkew = TimeSpan.FromMinutes(15) };
        var query = url.Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2)).Select(p => KeyValuePair.Create(Uri.UnescapeDataString(p[0]), Uri.UnescapeDataString(p[1])));
        if (verifier.Verify("POST", url.AbsolutePath, query, name => headers.GetValueOrDefault(name, ""), []) is { } signatureProblem)
        {
            return "AWS rejected the GetCallerIdentity request: " + signatureProblem;
        }

        ExchangedAccessKeys.Add(accessKey);
        return null;
    }

    private (int, JsonObject) Impersonate(HttpRequest request, string serviceAccount, byte[] body)
    {
        var bearer = request.Headers.Authorization.ToString();
        if (!bearer.StartsWith("Bearer ", StringComparison.Ordinal) || !_federatedTokens.TryGetValue(bearer["Bearer ".Length..], out var expires) || expires <= DateTimeOffset.UtcNow)
        {
            return (401, GoogleError(401, "UNAUTHENTICATED", "Request had invalid authentication credentials."));
        }

        if (serviceAccount != ServiceAccount)
        {
            return (403, GoogleError(403, "PERMISSION_DENIED", "Permission 'iam.serviceAccounts.getAccessToken' denied on resource (or it may not exist)."));
        }

        JsonObject? json;
        try
        {
            json = JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            json = null;
        }

        var scopes = (json?["scope"] as JsonArray)?.Select(s => s?.GetValue<string>() ?? "").ToList();
        if (json is null || scopes is not { Count: > 0 })
        {
            return (400, GoogleError(400, "INVALID_ARGUMENT", "Scope required."));
        }

        var unknown = json.Select(p => p.Key).Except(["scope", "lifetime", "delegates"]).FirstOrDefault();
        if (unknown is not null)
        {
            return (400, GoogleError(400, "INVALID_ARGUMENT", $"Invalid JSON payload received. Unknown name \"{unknown}\"."));
        }

        var lifetimeText = json["lifetime"]?.GetValue<string>();
        var lifetime = DefaultLifetime;
        if (lifetimeText is not null)
        {
            if (!lifetimeText.EndsWith('s') || !double.TryParse(lifetimeText[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds is < 1 or > 43_200)
            {
                return (400, GoogleError(400, "INVALID_ARGUMENT", "The lifetime must be a duration in seconds ('3600s'), at most 43200s."));
            }

            lifetime = TimeSpan.FromSeconds(seconds);
        }

        var token = $"ya29.impersonated-{_accessTokens.Count + 1}-{Guid.NewGuid():N}";
        var expireTime = DateTimeOffset.UtcNow + lifetime;
        _accessTokens[token] = expireTime;
        Impersonations.Add((scopes, lifetimeText));
        return (200, new JsonObject
        {
            ["accessToken"] = token,
            ["expireTime"] = expireTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        });
    }

    private static Dictionary<string, string> ReadFields(HttpRequest request, byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        if (request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) == true)
        {
            return (JsonNode.Parse(text) as JsonObject ?? []).ToDictionary(p => p.Key, p => p.Value?.ToString() ?? "", StringComparer.Ordinal);
        }

        return text.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0].Replace('+', ' ')), p => p.Length > 1 ? Uri.UnescapeDataString(p[1].Replace('+', ' ')) : "", StringComparer.Ordinal);
    }

    private static JsonObject OAuthError(string error, string description) => new() { ["error"] = error, ["error_description"] = description };

    private static JsonObject GoogleError(int code, string status, string message) =>
        new() { ["error"] = new JsonObject { ["code"] = code, ["message"] = message, ["status"] = status } };

    [GeneratedRegex("^/v1/projects/-/serviceAccounts/([^/]+):generateAccessToken$")]
    private static partial Regex ImpersonationPath();

    [GeneratedRegex(@"^sts(\.(?<region>[a-z0-9-]+))?\.amazonaws\.com$")]
    private static partial Regex StsHost();
}
