namespace BatchSync.Infra.Tests.Support;

/// <summary>A folder of workflow files written by one test, deleted afterwards.</summary>
public sealed class TemporaryFolder : IDisposable
{
    public TemporaryFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "batchsync-infra-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public TemporaryFolder With(string fileName, string content)
    {
        File.WriteAllText(System.IO.Path.Combine(Path, fileName), content);
        return this;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
