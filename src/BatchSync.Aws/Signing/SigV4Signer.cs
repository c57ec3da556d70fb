using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;

namespace BatchSync.Aws.Signing;

/// <summary>Signs requests with AWS Signature Version 4 (HMAC-SHA256 over the canonical request).</summary>
public sealed class SigV4Signer(string region, string service)
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    public string Region { get; } = region;

    public string Service { get; } = service;

    /// <summary>Adds x-amz-date, x-amz-security-token (for temporary credentials) and Authorization to the request.</summary>
    public void Sign(HttpRequestMessage request, ReadOnlySpan<byte> payload, ImmutableCredentials credentials, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credentials);
        var uri = request.RequestUri ?? throw new ArgumentException("The request has no URI.", nameof(request));
        var amzDate = AmzDate(now);
        request.Headers.Remove("x-amz-date");
        request.Headers.TryAddWithoutValidation("x-amz-date", amzDate);
        if (credentials.UseToken)
        {
            request.Headers.Remove("x-amz-security-token");
            request.Headers.TryAddWithoutValidation("x-amz-security-token", credentials.Token);
        }

        var headers = new Dictionary<string, string>(StringComparer.Ordinal) { ["host"] = uri.IsDefaultPort ? uri.Host : uri.Authority };
        foreach (var header in request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>()))
        {
            var name = header.Key.ToLowerInvariant();
            if (name.StartsWith("x-amz-", StringComparison.Ordinal) || name == "content-type")
            {
                headers[name] = string.Join(',', header.Value);
            }
        }

        var canonical = new CanonicalRequest(request.Method.Method, uri.AbsolutePath, CanonicalQuery(uri), headers, CanonicalRequest.HexSha256(payload));
        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("Authorization", Authorization(canonical, credentials, amzDate));
    }

    /// <summary>The Authorization header value that signs <paramref name="canonical"/> at x-amz-date <paramref name="amzDate"/>.</summary>
    public string Authorization(CanonicalRequest canonical, ImmutableCredentials credentials, string amzDate)
    {
        ArgumentNullException.ThrowIfNull(canonical);
        ArgumentNullException.ThrowIfNull(credentials);
        var signature = Signature(canonical, credentials.SecretKey, amzDate);
        return $"{Algorithm} Credential={credentials.AccessKey}/{Scope(amzDate)}, SignedHeaders={canonical.SignedHeaders}, Signature={signature}";
    }

    /// <summary>A time as SigV4 writes it in x-amz-date (yyyyMMddTHHmmssZ, UTC).</summary>
    public static string AmzDate(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The hex signature of a canonical request at a time given as x-amz-date (yyyyMMddTHHmmssZ).</summary>
    public string Signature(CanonicalRequest canonical, string secretKey, string amzDate)
    {
        ArgumentNullException.ThrowIfNull(canonical);
        var stringToSign = $"{Algorithm}\n{amzDate}\n{Scope(amzDate)}\n{canonical.Hash()}";
        return Convert.ToHexStringLower(HMACSHA256.HashData(SigningKey(secretKey, amzDate[..8]), Encoding.UTF8.GetBytes(stringToSign)));
    }

    /// <summary>The credential scope of a signature made at x-amz-date <paramref name="amzDate"/>.</summary>
    public string Scope(string amzDate) => $"{amzDate[..8]}/{Region}/{Service}/aws4_request";

    private byte[] SigningKey(string secretKey, string date)
    {
        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secretKey), Encoding.UTF8.GetBytes(date));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(Region));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(Service));
        return HMACSHA256.HashData(key, "aws4_request"u8);
    }

    /// <summary>The query of <paramref name="uri"/> as Signature Version 4 signs it: names and values encoded, sorted.</summary>
    public static string CanonicalQuery(Uri uri)
    {
        var query = uri.Query.TrimStart('?');
        if (query.Length == 0)
        {
            return string.Empty;
        }

        return string.Join('&', query.Split('&')
            .Select(pair => pair.Split('=', 2))
            .Select(parts => (Name: Encode(Uri.UnescapeDataString(parts[0])), Value: Encode(Uri.UnescapeDataString(parts.Length > 1 ? parts[1] : string.Empty))))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Name}={p.Value}"));
    }

    private static string Encode(string value) => Uri.EscapeDataString(value);
}
