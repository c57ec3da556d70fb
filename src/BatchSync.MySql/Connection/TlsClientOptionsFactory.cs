using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace BatchSync.MySql.Connection;

/// <summary>Turns the TLS mode and CA bundle into SslStream options with the matching certificate checks.</summary>
internal static class TlsClientOptionsFactory
{
    public static SslClientAuthenticationOptions Create(MySqlConnectionOptions options)
    {
        var trustedRoots = LoadCaBundle(options.CaBundlePath);
        return new SslClientAuthenticationOptions
        {
            TargetHost = options.Host,
            RemoteCertificateValidationCallback = (_, certificate, _, errors) => Validate(options.TlsMode, trustedRoots, certificate, errors),
        };
    }

    private static bool Validate(MySqlTlsMode mode, X509Certificate2Collection? trustedRoots, X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (mode is MySqlTlsMode.Preferred or MySqlTlsMode.Required)
        {
            return true;
        }

        if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
        {
            return false;
        }

        if (mode == MySqlTlsMode.VerifyFull && (errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            return false;
        }

        if (trustedRoots is null)
        {
            return (errors & SslPolicyErrors.RemoteCertificateChainErrors) == 0;
        }

        return ChainsTo(new X509Certificate2(certificate), trustedRoots);
    }

    private static bool ChainsTo(X509Certificate2 certificate, X509Certificate2Collection trustedRoots)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(trustedRoots);

        // Bundles such as the RDS one hold intermediates next to roots; offer them all for chain building.
        chain.ChainPolicy.ExtraStore.AddRange(trustedRoots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }

    private static X509Certificate2Collection? LoadCaBundle(string? path)
    {
        if (path is null)
        {
            return null;
        }

        var collection = new X509Certificate2Collection();
        collection.ImportFromPemFile(path);
        if (collection.Count == 0)
        {
            throw new MySqlException($"CA bundle '{path}' contains no PEM certificates.");
        }

        return collection;
    }
}
