using System.Globalization;
using Amazon.Runtime;
using BatchSync.Aws.Signing;

namespace BatchSync.Aws.Rds;

/// <summary>
/// RDS IAM database authentication tokens: a SigV4 presigned <c>GET https://host:port/?Action=connect&amp;DBUser=user</c>
/// for the <c>rds-db</c> service, without the scheme. The token is the MySQL password (sent with mysql_clear_password
/// over verified TLS) and is good for 15 minutes, for opening connections only; sign one per connection.
/// </summary>
public static class RdsAuthToken
{
    public const string Service = "rds-db";

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    public static string Create(string host, int port, string user, string region, ImmutableCredentials credentials, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        ArgumentException.ThrowIfNullOrEmpty(user);
        ArgumentException.ThrowIfNullOrEmpty(region);
        ArgumentNullException.ThrowIfNull(credentials);
        var signer = new SigV4Signer(region, Service);
        var amzDate = SigV4Signer.AmzDate(now);
        var authority = string.Create(CultureInfo.InvariantCulture, $"{host}:{port}");
        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["Action"] = "connect",
            ["DBUser"] = user,
            ["X-Amz-Algorithm"] = SigV4Signer.Algorithm,
            ["X-Amz-Credential"] = $"{credentials.AccessKey}/{signer.Scope(amzDate)}",
            ["X-Amz-Date"] = amzDate,
            ["X-Amz-Expires"] = ((int)Lifetime.TotalSeconds).ToString(CultureInfo.InvariantCulture),
            ["X-Amz-SignedHeaders"] = "host",
        };
        if (credentials.UseToken)
        {
            parameters["X-Amz-Security-Token"] = credentials.Token;
        }

        // Names and values here need no escaping to sort the same encoded or not, so sorting the raw names is exact.
        var query = string.Join('&', parameters.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        var canonical = new CanonicalRequest("GET", "/", query, new Dictionary<string, string> { ["host"] = authority }, CanonicalRequest.HexSha256([]));
        var signature = signer.Signature(canonical, credentials.SecretKey, amzDate);
        return $"{authority}/?{query}&X-Amz-Signature={signature}";
    }

    /// <summary>
    /// The region an RDS endpoint name carries (<c>name.xxxx.eu-west-1.rds.amazonaws.com</c>), else null: then the
    /// environment's region applies.
    /// </summary>
    public static string? RegionOf(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var labels = host.TrimEnd('.').Split('.');
        var rds = Array.FindLastIndex(labels, label => label.Equals("rds", StringComparison.OrdinalIgnoreCase));
        return rds >= 1 && rds + 1 < labels.Length && labels[rds + 1].Equals("amazonaws", StringComparison.OrdinalIgnoreCase)
            ? labels[rds - 1].ToLowerInvariant()
            : null;
    }
}
