namespace BatchSync.MySql.Tests.Protocol;

/// <summary>PEM text in a temporary file (a CA bundle or a pinned public key) that is deleted afterwards.</summary>
internal sealed class TemporaryPem : IDisposable
{
    public TemporaryPem(string pem)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "batchsync-pem-" + Guid.NewGuid().ToString("N") + ".pem");
        File.WriteAllText(Path, pem);
    }

    public string Path { get; }

    public void Dispose() => File.Delete(Path);
}
