using BatchSync.Core.Runs;
using BatchSync.Core.Work;
using BatchSync.Logging;

namespace BatchSync.Commands.Run;

/// <summary>
/// A live view for a person at a terminal: one line per table, redrawn in place a few times a second.
/// Item failures are printed above the live lines as they happen, so they stay on screen.
/// </summary>
internal sealed class TerminalProgress(TextWriter output, TimeProvider time) : ILiveProgress
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(500);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, TableProgressLine> _tables = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private Task? _refresher;
    private int _drawnLines;
    private bool _finished;

    public void RunPlanned(RunManifest manifest)
    {
        lock (_gate)
        {
            output.WriteLine($"run {manifest.RunId} of {manifest.Workflow}: {manifest.Tables.Count} tables, {manifest.ItemCount} items on {manifest.Lanes} lanes");
            foreach (var table in manifest.Tables)
            {
                _tables[table.OutTable] = new TableProgressLine(table.OutTable, table.Items.Sum(i => i.EstimatedRows), table.Items.Count);
            }
        }

        _refresher ??= RefreshAsync(_stop.Token);
    }

    public void ItemStarted(ManifestTable table, ManifestItem item, int attempt)
        => Update(table, line => line.Start(item.Id, time.GetUtcNow()));

    public void ItemProgressed(ManifestTable table, ManifestItem item, ExtractionProgress progress)
        => Update(table, line => line.Progress(item.Id, progress.Rows, progress.Bytes, time.GetUtcNow()));

    public void ItemExtracted(ManifestTable table, ManifestItem item)
        => Update(table, line => line.Extracted(item.Id));

    public void ItemSkipped(ManifestTable table, ManifestItem item, ItemStatus status)
        => Update(table, line => line.Finish(item.Id, done: true, status.Rows ?? 0, status.Bytes));

    public void ItemFinished(ManifestTable table, ManifestItem item, ItemStatus status)
    {
        Update(table, line => line.Finish(item.Id, status.State == ItemState.Done, status.Rows ?? 0, status.Bytes));
        if (status.State == ItemState.Failed)
        {
            lock (_gate)
            {
                ClearDrawn();
                output.WriteLine($"  {table.OutTable} item {item.Id} failed (attempt {status.Attempts}): {status.Error}");
                Draw();
            }
        }
    }

    public void TableFinished(TableReport table)
        => Update(table.OutTable, line => line.Outcome = table.Outcome.ToString().ToLowerInvariant());

    public void RunFinished(RunReport report)
    {
        lock (_gate)
        {
            ClearDrawn();
            Draw();
            _drawnLines = 0;
            _finished = true;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_refresher is not null)
        {
            await _refresher;
        }

        _stop.Dispose();
    }

    private void Update(ManifestTable table, Action<TableProgressLine> change) => Update(table.OutTable, change);

    private void Update(string table, Action<TableProgressLine> change)
    {
        lock (_gate)
        {
            if (_tables.TryGetValue(table, out var line))
            {
                change(line);
            }
        }
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(RefreshInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                lock (_gate)
                {
                    if (_finished)
                    {
                        return;
                    }

                    ClearDrawn();
                    Draw();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped at the end of the run.
        }
    }

    private void ClearDrawn()
    {
        if (_drawnLines > 0)
        {
            // Up to the first live line, then clear everything below it.
            output.Write($"\u001b[{_drawnLines}F\u001b[J");
        }
    }

    private void Draw()
    {
        var now = time.GetUtcNow();
        foreach (var line in _tables.Values)
        {
            output.WriteLine(line.Render(now));
        }

        output.Flush();
        _drawnLines = _tables.Count;
    }
}
