using BatchSync.Core.Stage;

namespace BatchSync.DuckDb;

/// <summary>
/// The staged parts of a table as local files DuckDB's CSV reader can open: the files themselves when staging is a
/// local folder, otherwise copies streamed from the staging store into a temporary folder that goes away on dispose.
/// </summary>
internal sealed class StagedPartFiles : IAsyncDisposable
{
    private readonly string? _temporaryFolder;

    private StagedPartFiles(IReadOnlyList<string> paths, string? temporaryFolder)
    {
        Paths = paths;
        _temporaryFolder = temporaryFolder;
    }

    public IReadOnlyList<string> Paths { get; }

    /// <exception cref="FileNotFoundException">A part is missing from staging: its item must be extracted again.</exception>
    public static async Task<StagedPartFiles> OpenAsync(IStagingStore store, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        if (store is LocalFolderStagingStore local)
        {
            var paths = names.Select(name => Path.Combine(local.Root, name.Replace('/', Path.DirectorySeparatorChar))).ToList();
            var missing = paths.FirstOrDefault(path => !File.Exists(path));
            return missing is null ? new StagedPartFiles(paths, null) : throw Missing(store, missing);
        }

        var folder = Directory.CreateTempSubdirectory("batchsync-duckdb-").FullName;
        var files = new StagedPartFiles(names.Select((_, i) => Path.Combine(folder, $"part-{i:D6}.csv.gz")).ToList(), folder);
        try
        {
            for (var i = 0; i < names.Count; i++)
            {
                await using var source = await store.OpenReadAsync(names[i], cancellationToken) ?? throw Missing(store, names[i]);
                await using var target = File.Create(files.Paths[i]);
                await source.CopyToAsync(target, cancellationToken);
            }

            return files;
        }
        catch
        {
            await files.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync()
    {
        if (_temporaryFolder is not null && Directory.Exists(_temporaryFolder))
        {
            Directory.Delete(_temporaryFolder, recursive: true);
        }

        return ValueTask.CompletedTask;
    }

    private static FileNotFoundException Missing(IStagingStore store, string name) =>
        new($"Staged part {name} is missing from {store.Location}; start a new run to extract the table again.", name);
}
