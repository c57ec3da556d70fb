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
        var path = CreateFolderOf(name);
        try
        {
            return ValueTask.FromResult<IStagedObjectWriter>(new LocalStagedFileWriter(name, path));
        }
        catch (Exception exception) when (exception is UnauthorizedAccessException or IOException)
        {
            throw new StagingWriteException(Describe(path, exception), exception);
        }
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

    /// <summary>Creates the folder an object goes into and returns the object's path.</summary>
    /// <exception cref="StagingWriteException">The folder cannot be created; the message says why in words.</exception>
    public string CreateFolderOf(string name)
    {
        var path = ResolvePath(name);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            return path;
        }
        catch (Exception exception) when (exception is UnauthorizedAccessException or IOException)
        {
            throw new StagingWriteException(Describe(path, exception), exception);
        }
    }

    /// <summary>A sentence for a staging write that failed, instead of .NET's "Could not find a part of the path …".</summary>
    private string Describe(string path, Exception exception)
    {
        var reason = exception switch
        {
            UnauthorizedAccessException => "permission denied",
            _ when FirstFileOnTheWay(path) is { } file => $"'{file}' is a file where a folder should be",
            DirectoryNotFoundException => "a folder on the way does not exist",
            _ => exception.Message,
        };
        return $"Cannot write '{path}' in the staging folder {Root}: {reason}. Check staging.uri (or --staging) and that this user may write there.";
    }

    private static string? FirstFileOnTheWay(string path)
    {
        for (var folder = Path.GetDirectoryName(path); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (File.Exists(folder))
            {
                return folder;
            }
        }

        return null;
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
