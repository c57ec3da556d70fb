using System.Net;

namespace BatchSync.Core.Workflows.Model;

/// <summary>
/// The warning for a source connection that does not verify the server: below verify-ca, whoever can redirect the
/// traffic can pose as the server. Loopback is exempt (a local server, or the near end of an SSH tunnel).
/// </summary>
public static class WeakTls
{
    public const string Hint = "set tls: verify-full and ca_bundle (for RDS/Aurora the RDS CA bundle; see docs/connecting-to-rds.md)";

    /// <summary>What is weak about <paramref name="tls"/> for <paramref name="host"/>, or null when nothing is.</summary>
    public static string? Describe(TlsMode tls, string host)
    {
        if (tls is TlsMode.VerifyCa or TlsMode.VerifyFull || IsLoopback(host))
        {
            return null;
        }

        var name = EnumNames.TlsModes.First(pair => pair.Value == tls).Key;
        return $"source.tls is {name}: the connection to {host} does not verify the server's certificate"
            + (tls == TlsMode.Preferred ? ", and falls back to plain text when the server offers no TLS" : "");
    }

    private static bool IsLoopback(string host)
        => host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
}
