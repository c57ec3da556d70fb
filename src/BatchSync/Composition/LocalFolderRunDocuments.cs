using System.Text;
using BatchSync.Core.Runs;
using BatchSync.Core.Stage;

namespace BatchSync.Composition;

/// <summary>Run documents in a local staging folder: written through the staging store (atomic commit), read as files.</summary>
internal sealed class LocalFolderRunDocuments(LocalFolderStagingStore store) : IRunDocuments
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
