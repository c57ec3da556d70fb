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

    public Task<Stream?> OpenReadAsync(string name, CancellationToken cancellationToken) => OpenReadAsync(name, 0, cancellationToken);

    public Task<Stream?> OpenReadAsync(string name, long offset, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        cancellationToken.ThrowIfCancellationRequested();
        var path = ResolvePath(name);
        if (!File.Exists(path))
        {
            return Task.FromResult<Stream?>(null);
        }

        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        stream.Seek(offset, SeekOrigin.Begin);
        return Task.FromResult<Stream?>(stream);
    }

    public Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        File.Delete(ResolvePath(name));
        return Task.CompletedTask;
    }

    /// <summary>Deletes the hidden temporary files (<see cref="LocalStagedFileWriter.IsTemporaryName"/>) a killed writer left in the folder.</summary>
    public Task<int> WithdrawUnfinishedAsync(string prefix, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        cancellationToken.ThrowIfCancellationRequested();
        var folder = Path.GetDirectoryName(ResolvePath(prefix.TrimEnd('/') + "/_"))!;
        if (!Directory.Exists(folder))
        {
            return Task.FromResult(0);
        }

        var withdrawn = 0;
        foreach (var file in Directory.EnumerateFiles(folder).Where(f => LocalStagedFileWriter.IsTemporaryName(Path.GetFileName(f))))
        {
            File.Delete(file);
            withdrawn++;
        }

        return Task.FromResult(withdrawn);
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
