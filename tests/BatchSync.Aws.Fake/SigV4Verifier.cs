using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace BatchSync.Aws.Fake;

/// <summary>
/// Checks a request's Signature Version 4 the way AWS does, written from the AWS documentation independently of
/// the client's signer: credential scope, clock skew, signed headers present, and the signature itself.
/// </summary>
public sealed class SigV4Verifier(string accessKey, string secretKey, string region, string service, Func<DateTimeOffset> clock)
{
    /// <summary>How far x-amz-date may be from the service's clock.</summary>
    public TimeSpan AllowedSkew { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Returns null when the signature is valid, else the reason AWS would give.</summary>
    public string? Verify(HttpRequest request, byte[] body)
        => Verify(
            request.Method,
            request.Path.Value,
            request.Query.SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v ?? ""))),
            name => name == "host" ? request.Host.Value : request.Headers[name].ToString(),
            body);

    /// <summary>
    /// Checks a request given by its parts (e.g. one serialized into a token rather than sent); <paramref name="header"/>
    /// returns a header's value by lower-case name, or an empty string when it is absent.
    /// </summary>
    public string? Verify(string method, string? path, IEnumerable<KeyValuePair<string, string>> query, Func<string, string?> header, byte[] body)
    {
        var authorization = header("authorization") ?? "";
        if (!authorization.StartsWith("AWS4-HMAC-SHA256 ", StringComparison.Ordinal))
        {
            return "MissingAuthenticationToken: Request is missing Authentication Token";
        }

        var fields = authorization["AWS4-HMAC-SHA256 ".Length..].Split(',', StringSplitOptions.TrimEntries)
            .Select(f => f.Split('=', 2)).ToDictionary(f => f[0], f => f.Length > 1 ? f[1] : "");
        if (!fields.TryGetValue("Credential", out var credential) || !fields.TryGetValue("SignedHeaders", out var signedHeaders) || !fields.TryGetValue("Signature", out var signature))
        {
            return "IncompleteSignature: Authorization header requires Credential, SignedHeaders and Signature";
        }

        var scope = credential.Split('/');
        if (scope.Length != 5 || scope[0] != accessKey)
        {
            return "UnrecognizedClientException: The security token included in the request is invalid";
        }

        if (scope[2] != region || scope[3] != service || scope[4] != "aws4_request")
        {
            return $"InvalidSignatureException: Credential should be scoped to a valid region/service ('{region}'/'{service}'), not '{scope[2]}'/'{scope[3]}'";
        }

        var amzDate = header("x-amz-date") ?? "";
        if (!DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signedAt))
        {
            return "IncompleteSignature: x-amz-date is missing or malformed";
        }

        if ((clock() - signedAt).Duration() > AllowedSkew)
        {
            return "InvalidSignatureException: Signature expired";
        }

        var names = signedHeaders.Split(';');
        if (!names.Contains("host") || !names.Contains("x-amz-date"))
        {
            return "InvalidSignatureException: host and x-amz-date must be signed";
        }

        var canonical = new StringBuilder()
            .Append(method).Append('\n')
            .Append(string.IsNullOrEmpty(path) ? "/" : path).Append('\n')
            .Append(CanonicalQuery(query)).Append('\n');
        foreach (var name in names)
        {
            canonical.Append(name).Append(':').Append(header(name)?.Trim()).Append('\n');
        }

        canonical.Append('\n').Append(signedHeaders).Append('\n').Append(Hex(SHA256.HashData(body)));
        var toSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope[1]}/{region}/{service}/aws4_request\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())))}";
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretKey), scope[1]);
        key = Hmac(Hmac(Hmac(key, region), service), "aws4_request");
        return Hex(Hmac(key, toSign)) == signature
            ? null
            : "InvalidSignatureException: The request signature we calculated does not match the signature you provided.";
    }

    private static string CanonicalQuery(IEnumerable<KeyValuePair<string, string>> query)
        => string.Join('&', query.Select(q => (Name: Uri.EscapeDataString(q.Key), Value: Uri.EscapeDataString(q.Value)))
            .OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal).Select(p => $"{p.Name}={p.Value}"));

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
}
