using System.Text;
using BatchSync.Core.Runs;
using BatchSync.Core.Stage;

namespace BatchSync.Composition;

/// <summary>Run documents in a local staging folder: written through the staging store (atomic commit), read as files.</summary>
internal sealed class LocalFolderRunDocuments(LocalFolderStagingStore store) : IRunDocuments, IRunLeases
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public LocalFolderRunDocuments(string root)
        : this(new LocalFolderStagingStore(root))
    {
    }

    public LocalFolderStagingStore Store => store;

    public string Root => store.Root;

    public async Task<string?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = AddressOf(key);
        return File.Exists(path) ? await File.ReadAllTextAsync(path, Utf8, cancellationToken) : null;
    }

    public Task WriteAsync(string key, string text, CancellationToken cancellationToken)
        => store.WriteObjectAsync(key, Utf8.GetBytes(text), cancellationToken);

    public Task<int> WithdrawUnfinishedWritesAsync(string folder, CancellationToken cancellationToken)
        => store.WithdrawUnfinishedAsync(folder, cancellationToken);

    /// <summary>
    /// An exclusive lock on the lease file (FileShare.None is an flock on Linux): the OS releases it when the process
    /// ends however it ends, so a crashed run never blocks its own resume. The file stays; only the lock matters.
    /// </summary>
    public async Task<IAsyncDisposable?> TryAcquireAsync(string key, RunLeaseHolder holder, CancellationToken cancellationToken)
    {
        var path = store.CreateFolderOf(key);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException) when (File.Exists(path))
        {
            return null;
        }

        stream.SetLength(0);
        await stream.WriteAsync(Utf8.GetBytes(RunJson.Serialize(holder)), cancellationToken);
        await stream.FlushAsync(cancellationToken);
        return stream;
    }

    public string AddressOf(string key) => Path.Combine(Root, key.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>The workflows that have a run with this id under <c>runs/</c>.</summary>
    public IReadOnlyList<string> FindWorkflowsOfRun(string runId)
    {
        var runs = Path.Combine(Root, "runs");
        return Directory.Exists(runs)
            ? [.. Directory.EnumerateDirectories(runs).Where(w => File.Exists(Path.Combine(w, runId, "manifest.json"))).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)]
            : [];
    }
}
