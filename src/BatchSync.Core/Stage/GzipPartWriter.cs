using BatchSync.Core.Stage.Gzip;

namespace BatchSync.Core.Stage;

/// <summary>
/// Turns a stream of CSV chunks into gzip parts in a staging store. Chunks are compressed in parallel on all cores
/// and spliced in order into one gzip member per part (pigz-style), whose CRC-32 is combined from the chunks' CRCs.
/// At most <see cref="PartWriterOptions.MaxParallelism"/> + 1 chunks are in flight, so memory stays bounded whatever
/// the table size. Disposing without <see cref="CompleteAsync"/> aborts the open part and withdraws parts already published: a failed export leaves no part files.
/// </summary>
public sealed class GzipPartWriter : IAsyncDisposable
{
    private readonly IStagingStore _store;
    private readonly GarbagePacing _pacing = new();
    private readonly PartWriterOptions _options;
    private readonly Queue<Task<DeflateChunk>> _inFlight = new();
    private readonly List<PartInfo> _parts = [];
    private OpenPart? _current;
    private bool _completed;

    public GzipPartWriter(IStagingStore store, PartWriterOptions? options = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _options = options ?? new PartWriterOptions();
    }

    /// <summary>Parts finished so far.</summary>
    public IReadOnlyList<PartInfo> Parts => _parts;

    /// <summary>Queues a chunk for compression and takes ownership of it. Waits while too many chunks are in flight.</summary>
    public async ValueTask WriteChunkAsync(UncompressedChunk chunk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        if (chunk.Length == 0)
        {
            chunk.Dispose();
            return;
        }

        var level = _options.CompressionLevel;
        _inFlight.Enqueue(Task.Run(() =>
        {
            using (chunk)
            {
                return DeflateChunkCompressor.Compress(chunk.Data, chunk.Rows, level);
            }
        }, CancellationToken.None));

        // Up to MaxParallelism chunks compress while the caller fills the next one.
        while (_inFlight.Count > _options.MaxParallelism)
        {
            await AppendOldestAsync(cancellationToken);
        }
    }

    /// <summary>Writes the remaining chunks and closes the last part. An export of no rows still yields one (empty) part.</summary>
    public async Task<IReadOnlyList<PartInfo>> CompleteAsync(CancellationToken cancellationToken)
    {
        while (_inFlight.Count > 0)
        {
            await AppendOldestAsync(cancellationToken);
        }

        if (_current is null && _parts.Count == 0)
        {
            _current = await OpenPartAsync(cancellationToken);
        }

        if (_current is not null)
        {
            await ClosePartAsync(cancellationToken);
        }

        _completed = true;
        return _parts;
    }

    private async Task AppendOldestAsync(CancellationToken cancellationToken)
    {
        using var chunk = await _inFlight.Dequeue();
        _current ??= await OpenPartAsync(cancellationToken);
        await _current.AppendAsync(chunk, cancellationToken);
        _pacing.ChunkWritten();
        if (_current.CompressedBytes >= _options.PartSizeBytes)
        {
            await ClosePartAsync(cancellationToken);
        }
    }

    private async Task<OpenPart> OpenPartAsync(CancellationToken cancellationToken)
    {
        var name = $"{_options.NamePrefix}part-{_parts.Count:D5}.csv.gz";
        var part = new OpenPart(await _store.OpenWriterAsync(name, cancellationToken));
        try
        {
            await part.StartAsync(cancellationToken);
        }
        catch
        {
            // Not yet the open part, so DisposeAsync would not see it: withdraw its temporary object here (a signal
            // that lands while the header is written would otherwise leave it behind).
            await part.DisposeAsync();
            throw;
        }

        return part;
    }

    private async Task ClosePartAsync(CancellationToken cancellationToken)
    {
        var part = _current!;
        _current = null;
        await using (part)
        {
            _parts.Add(await part.FinishAsync(cancellationToken));
        }
    }

    public async ValueTask DisposeAsync()
    {
        while (_inFlight.Count > 0)
        {
            try
            {
                (await _inFlight.Dequeue()).Dispose();
            }
            catch (Exception)
            {
                // The export is being abandoned; the first failure has already been reported to the caller.
            }
        }

        try
        {
            if (_current is not null)
            {
                await _current.DisposeAsync();
                _current = null;
            }
        }
        finally
        {
            if (!_completed)
            {
                await WithdrawPublishedPartsAsync();
            }
        }
    }

    /// <summary>Parts rotated out before a failure are complete files of an incomplete export: remove them too.</summary>
    private async Task WithdrawPublishedPartsAsync()
    {
        foreach (var part in _parts)
        {
            await _store.DeleteAsync(part.Name, CancellationToken.None);
        }

        _parts.Clear();
    }
}
