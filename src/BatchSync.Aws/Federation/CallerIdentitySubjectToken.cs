using System.Text.Json;
using BatchSync.Aws.Signing;

namespace BatchSync.Aws.Federation;

/// <summary>
/// The subject token Google's workload identity federation takes from AWS: a GetCallerIdentity request signed with
/// the job role's credentials, serialized as URL-encoded JSON (url, method, headers). Google's STS sends the request
/// to AWS itself to learn the caller's role; the secret key never leaves the process. The signature covers the
/// <c>x-goog-cloud-target-resource</c> header, so a token works only for the provider it names.
/// </summary>
public sealed class CallerIdentitySubjectToken(IAwsCredentialSource credentials, string region, TimeProvider time)
{
    public const string TargetResourceHeader = "x-goog-cloud-target-resource";

    private readonly SigV4Signer _signer = new(region, "sts");

    /// <summary>The region from AWS_REGION or AWS_DEFAULT_REGION (AWS Batch sets both).</summary>
    public static string RegionFromEnvironment(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        return environment("AWS_REGION") ?? environment("AWS_DEFAULT_REGION")
            ?? throw new AwsServiceException("NoRegion", "No AWS region is set for the workload identity federation token: set AWS_REGION (AWS Batch sets it for you).", null);
    }

    /// <param name="verificationUrl">
    /// The configuration's <c>regional_cred_verification_url</c>, e.g.
    /// <c>https://sts.{region}.amazonaws.com?Action=GetCallerIdentity&amp;Version=2011-06-15</c>.
    /// </param>
    /// <param name="targetResource">The configuration's audience: the workload identity pool provider's resource name.</param>
    /// <param name="cancellationToken">Cancels fetching the credentials.</param>
    public async Task<string> CreateAsync(string verificationUrl, string targetResource, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(targetResource);
        var url = VerificationUri(verificationUrl);
        var signingCredentials = await credentials.GetCredentialsAsync(cancellationToken);
        var amzDate = SigV4Signer.AmzDate(time.GetUtcNow());
        var headers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = url.IsDefaultPort ? url.Host : url.Authority,
            ["x-amz-date"] = amzDate,
            [TargetResourceHeader] = targetResource,
        };
        if (signingCredentials.UseToken)
        {
            headers["x-amz-security-token"] = signingCredentials.Token;
        }

        var canonical = new CanonicalRequest("POST", url.AbsolutePath, SigV4Signer.CanonicalQuery(url), headers, CanonicalRequest.HexSha256([]));
        var authorization = _signer.Authorization(canonical, signingCredentials, amzDate);
        return Uri.EscapeDataString(Serialize(url, authorization, headers));
    }

    private Uri VerificationUri(string verificationUrl)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(verificationUrl);
        var resolved = verificationUrl.Replace("{region}", region, StringComparison.Ordinal);
        return Uri.TryCreate(resolved, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
            ? uri
            : throw new ArgumentException($"The regional_cred_verification_url '{verificationUrl}' is not an https URL.", nameof(verificationUrl));
    }

    private static string Serialize(Uri url, string authorization, Dictionary<string, string> signedHeaders)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("url", url.AbsoluteUri);
            json.WriteString("method", "POST");
            json.WriteStartArray("headers");
            WriteHeader(json, "Authorization", authorization);
            foreach (var (name, value) in signedHeaders.OrderBy(h => h.Key, StringComparer.Ordinal))
            {
                WriteHeader(json, name, value);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteHeader(Utf8JsonWriter json, string key, string value)
    {
        json.WriteStartObject();
        json.WriteString("key", key);
        json.WriteString("value", value);
        json.WriteEndObject();
    }
}
