namespace BatchSync.Core.Stage;

/// <summary>Writes one staged file under a hidden temporary name in the target folder and renames it on commit.</summary>
internal sealed class LocalStagedFileWriter : IStagedObjectWriter
{
    private readonly string _finalPath;
    private readonly string _temporaryPath;
    private readonly FileStream _stream;
    private bool _committed;

    public LocalStagedFileWriter(string name, string finalPath)
    {
        Name = name;
        _finalPath = finalPath;
        _temporaryPath = Path.Combine(Path.GetDirectoryName(finalPath)!, $".{Path.GetFileName(finalPath)}.{Guid.NewGuid():N}{TemporarySuffix}");
        _stream = new FileStream(_temporaryPath, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            Options = FileOptions.Asynchronous,
            BufferSize = 0,
        });
    }

    private const string TemporarySuffix = ".tmp";

    public string Name { get; }

    /// <summary>True for the hidden name a writer stages under until it commits: <c>.&lt;name&gt;.&lt;guid&gt;.tmp</c>.</summary>
    public static bool IsTemporaryName(string fileName) =>
        fileName.StartsWith('.') && fileName.EndsWith(TemporarySuffix, StringComparison.Ordinal) && fileName.Length > 34 + TemporarySuffix.Length;

    public ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_committed, this);
        return _stream.WriteAsync(data, cancellationToken);
    }

    public async Task<StagedObject> CommitAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_committed, this);
        await _stream.FlushAsync(cancellationToken);
        var length = _stream.Length;
        await _stream.DisposeAsync();
        File.Move(_temporaryPath, _finalPath, overwrite: true);
        _committed = true;
        return new StagedObject(Name, _finalPath, length);
    }

    public async ValueTask DisposeAsync()
    {
        if (_committed)
        {
            return;
        }

        try
        {
            await _stream.DisposeAsync();
        }
        finally
        {
            // Withdrawn even when closing fails (a write cut off by cancellation): no temporary part outlives its writer.
            File.Delete(_temporaryPath);
        }
    }
}
