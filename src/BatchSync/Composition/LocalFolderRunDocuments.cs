using System.Text;
using BatchSync.Core.Runs;

namespace BatchSync.Composition;

/// <summary>Run documents in a local staging folder. A write goes to a temporary file first and is renamed into place.</summary>
internal sealed class LocalFolderRunDocuments(string root) : IRunDocuments
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public string Root { get; } = root;

    public async Task<string?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        return File.Exists(path) ? await File.ReadAllTextAsync(path, Utf8, cancellationToken) : null;
    }

    public async Task WriteAsync(string key, string text, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await File.WriteAllTextAsync(temporary, text, Utf8, cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public string AddressOf(string key) => PathOf(key);

    /// <summary>The run folders under <c>runs/</c> with this id, as (workflow, manifest key).</summary>
    public IReadOnlyList<string> FindWorkflowsOfRun(string runId)
    {
        var runs = Path.Combine(Root, "runs");
        return Directory.Exists(runs)
            ? [.. Directory.EnumerateDirectories(runs).Where(w => File.Exists(Path.Combine(w, runId, "manifest.json"))).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)]
            : [];
    }

    private string PathOf(string key) => Path.Combine(Root, key.Replace('/', Path.DirectorySeparatorChar));
}
