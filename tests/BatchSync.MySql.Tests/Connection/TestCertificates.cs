using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace BatchSync.MySql.Tests.Connection;

/// <summary>A throwaway CA and a server certificate it signed (for 127.0.0.1 only), written as PEM files.</summary>
public sealed class TestCertificates : IDisposable
{
    private TestCertificates(string directory) => Directory = directory;

    public string Directory { get; }

    public string CaPath => Path.Combine(Directory, "ca.pem");

    public string ServerCertificatePath => Path.Combine(Directory, "server-cert.pem");

    public string ServerKeyPath => Path.Combine(Directory, "server-key.pem");

    /// <summary>A different CA that did not sign the server certificate.</summary>
    public string UnrelatedCaPath => Path.Combine(Directory, "other-ca.pem");

    /// <summary>Several CAs in one file, the way the RDS global bundle ships; the right one is not first.</summary>
    public string BundlePath => Path.Combine(Directory, "bundle.pem");

    public static TestCertificates Create()
    {
        var certificates = new TestCertificates(Path.Combine(Path.GetTempPath(), "batchsync-tls-" + Guid.NewGuid().ToString("N")[..12]));
        System.IO.Directory.CreateDirectory(certificates.Directory);
        certificates.Write();
        return certificates;
    }

    private void Write()
    {
        using var caKey = RSA.Create(2048);
        using var ca = CreateCa("CN=BatchSync Test CA", caKey);
        using var otherKey = RSA.Create(2048);
        using var other = CreateCa("CN=Unrelated CA", otherKey);

        using var serverKey = RSA.Create(2048);
        var request = new CertificateRequest("CN=mariadb-test", serverKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var server = request.Create(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30), RandomNumberGenerator.GetBytes(16));

        File.WriteAllText(CaPath, ca.ExportCertificatePem());
        File.WriteAllText(UnrelatedCaPath, other.ExportCertificatePem());
        File.WriteAllText(BundlePath, other.ExportCertificatePem() + "\n" + ca.ExportCertificatePem() + "\n");
        File.WriteAllText(ServerCertificatePath, server.ExportCertificatePem());
        File.WriteAllText(ServerKeyPath, serverKey.ExportPkcs8PrivateKeyPem());
    }

    private static X509Certificate2 CreateCa(string subject, RSA key)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-2), DateTimeOffset.UtcNow.AddDays(60));
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
