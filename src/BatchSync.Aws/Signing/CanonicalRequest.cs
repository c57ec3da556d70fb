using System.Security.Cryptography;
using System.Text;

namespace BatchSync.Aws.Signing;

/// <summary>
/// The canonical form of a request that Signature Version 4 signs: method, URI path, sorted query, the signed
/// headers (lower-case names, trimmed values, sorted) and the hex SHA-256 of the payload.
/// </summary>
public sealed record CanonicalRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string PayloadHash)
{
    public string SignedHeaders => string.Join(';', SortedHeaderNames());

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(Method).Append('\n');
        text.Append(Path.Length == 0 ? "/" : Path).Append('\n');
        text.Append(Query).Append('\n');
        foreach (var name in SortedHeaderNames())
        {
            text.Append(name).Append(':').Append(CollapseSpaces(Headers[name].Trim())).Append('\n');
        }

        text.Append('\n').Append(SignedHeaders).Append('\n').Append(PayloadHash);
        return text.ToString();
    }

    public string Hash() => HexSha256(Encoding.UTF8.GetBytes(ToString()));

    public static string HexSha256(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    private IEnumerable<string> SortedHeaderNames() => Headers.Keys.Order(StringComparer.Ordinal);

    private static string CollapseSpaces(string value)
    {
        if (!value.Contains("  ", StringComparison.Ordinal))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c != ' ' || builder.Length == 0 || builder[^1] != ' ')
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
