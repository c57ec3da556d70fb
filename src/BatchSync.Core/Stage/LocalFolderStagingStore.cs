namespace BatchSync.Core.Stage;

/// <summary>Stages objects as files under a folder. Files are written under a temporary name and renamed on commit.</summary>
public sealed class LocalFolderStagingStore : IStagingStore
{
    public LocalFolderStagingStore(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
    }

    public string Root { get; }

    public string Location => Root;

    public ValueTask<IStagedObjectWriter> OpenWriterAsync(string name, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var path = ResolvePath(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return ValueTask.FromResult<IStagedObjectWriter>(new LocalStagedFileWriter(name, path));
    }

    public Task<Stream?> OpenReadAsync(string name, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var path = ResolvePath(name);
        Stream? stream = File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan)
            : null;
        return Task.FromResult(stream);
    }

    public Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        File.Delete(ResolvePath(name));
        return Task.CompletedTask;
    }

    private string ResolvePath(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var path = Path.GetFullPath(Path.Combine(Root, name.Replace('/', Path.DirectorySeparatorChar)));
        if (!path.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Staging object name '{name}' points outside the staging folder.", nameof(name));
        }

        return path;
    }
}
