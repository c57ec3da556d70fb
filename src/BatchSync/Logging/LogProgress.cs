using System.Collections.Concurrent;
using BatchSync.Core.Runs;
using BatchSync.Core.Work;
using Serilog;

namespace BatchSync.Logging;

/// <summary>
/// A run's progress as log events: item start and finish, item progress at most every <c>progressInterval</c> per
/// item, an item that read no rows for <see cref="StallWatch.After"/> (once per stall, and again when rows come),
/// table finish, run summary. Every event has an <c>event</c> name and, once the run is planned, its <c>workflow</c>
/// and <c>run_id</c>; item events carry <c>table</c>, <c>item</c> and <c>lane</c>.
/// </summary>
internal sealed class LogProgress(ILogger log, TimeProvider time, TimeSpan progressInterval) : ILiveProgress
{
    /// <summary>How often running items are checked for a stall: a stall is logged at most this long after it began.</summary>
    private static readonly TimeSpan StallCheckInterval = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastProgress = new();
    private readonly StallWatch _stalls = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly ILogger _command = log;
    private ILogger _log = log;
    private Task? _watching;

    public void RunPlanned(RunManifest manifest)
    {
        _log = _command.ForContext("workflow", manifest.Workflow).ForContext("run_id", manifest.RunId);
        Event("run_planned", [("tables", manifest.Tables.Count), ("items", manifest.ItemCount), ("lanes", manifest.Lanes), ("destination", manifest.Destination.TypeName)])
            .Information("Run {run_id} of {workflow} planned: {tables} tables, {items} items on {lanes} lanes", manifest.RunId, manifest.Workflow, manifest.Tables.Count, manifest.ItemCount, manifest.Lanes);
        _watching ??= WatchForStallsAsync(_stop.Token);
    }

    public void ItemStarted(ManifestTable table, ManifestItem item, int attempt)
    {
        _stalls.Started(table, item, time.GetUtcNow());
        Item("item_started", table, item, [("attempt", attempt), ("estimated_rows", item.EstimatedRows)])
            .Information("{table}/{item} started on lane {lane}, attempt {attempt}", table.OutTable, item.Id, item.Lane, attempt);
    }

    public void ItemProgressed(ManifestTable table, ManifestItem item, ExtractionProgress progress)
    {
        if (_stalls.Progressed(table, item, progress.Rows, time.GetUtcNow()) is { } ended)
        {
            Item("item_resumed", table, item, [("rows", ended.Rows), ("seconds", WholeSeconds(ended.Quiet))])
                .Information("{table}/{item}: rows again after {seconds} s without any", table.OutTable, item.Id, WholeSeconds(ended.Quiet));
        }

        var key = $"{table.OutTable}/{item.Id}";
        var now = time.GetUtcNow();
        if (_lastProgress.TryGetValue(key, out var last) && now - last < progressInterval)
        {
            return;
        }

        _lastProgress[key] = now;
        Item("item_progress", table, item, [("rows", progress.Rows), ("bytes", progress.Bytes), ("estimated_rows", item.EstimatedRows)])
            .Information("{table}/{item}: {rows} rows read", table.OutTable, item.Id, progress.Rows);
    }

    /// <summary>Rows are all read: a load that takes a while is not the source stalling.</summary>
    public void ItemExtracted(ManifestTable table, ManifestItem item) => _stalls.Finished(table, item);

    public void ItemSkipped(ManifestTable table, ManifestItem item, ItemStatus status)
        => Item("item_skipped", table, item, [("rows", status.Rows), ("reason", "done by an earlier attempt")])
            .Information("{table}/{item} skipped: done by an earlier attempt", table.OutTable, item.Id);

    public void ItemFinished(ManifestTable table, ManifestItem item, ItemStatus status)
    {
        _stalls.Finished(table, item);
        var state = status.State.ToString().ToLowerInvariant();
        var finished = Item("item_finished", table, item, [
            ("state", state), ("attempts", status.Attempts), ("rows", status.Rows), ("parts", status.Parts?.Count),
            ("bytes", status.Bytes), ("compressed_bytes", status.CompressedBytes), ("extract_seconds", status.ExtractSeconds),
            ("load_seconds", status.LoadSeconds), ("step", status.FailedStep?.ToString().ToLowerInvariant()), ("error", status.Error)]);
        if (status.State == ItemState.Done)
        {
            finished.Information("{table}/{item} done: {rows} rows", table.OutTable, item.Id, status.Rows);
        }
        else
        {
            finished.Error("{table}/{item} failed: {error}", table.OutTable, item.Id, status.Error);
        }
    }

    public void TableFinished(TableReport table)
    {
        var failures = table.Failures?.Select(f => f.ToString()).ToArray();
        Event("table_finished", [
            ("table", table.OutTable), ("rows", table.Rows), ("landed_rows", table.LandedRows), ("parts", table.Parts), ("bytes", table.Bytes),
            ("compressed_bytes", table.CompressedBytes), ("seconds", table.Seconds), ("mb_per_s", table.MegabytesPerSecond),
            ("destination", table.Destination), ("failures", failures), ("error", table.Failures is { Count: > 0 } list ? list[0].ToString() : null)])
            .Information("{table} {outcome}: {rows} rows", table.OutTable, table.Outcome.ToString().ToLowerInvariant(), table.Rows);
    }

    public void RunFinished(RunReport report)
    {
        var failed = report.Tables.Count(t => t.Outcome == TableOutcome.Failed);
        Event("run_finished", [("succeeded", report.Succeeded), ("destination_loaded", report.DestinationLoaded), ("tables", report.Tables.Count), ("tables_failed", failed), ("rows", report.Rows), ("seconds", report.Seconds)])
            .Information("Run {run_id} {outcome}: {tables_failed} of {tables} tables failed, {rows} rows", report.RunId, report.Succeeded ? "succeeded" : "failed", failed, report.Tables.Count, report.Rows);
    }

    /// <summary>Logs <c>item_stalled</c> for each running item that has just gone <see cref="StallWatch.After"/> without reading a row.</summary>
    internal void CheckForStalls()
    {
        foreach (var stall in _stalls.Check(time.GetUtcNow()))
        {
            Item("item_stalled", stall.Table, stall.Item, [("rows", stall.Rows), ("seconds", WholeSeconds(stall.Quiet)), ("estimated_rows", stall.Item.EstimatedRows)])
                .Warning("{table}/{item}: no rows for {seconds} s (waiting for the server)", stall.Table.OutTable, stall.Item.Id, WholeSeconds(stall.Quiet));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_watching is not null)
        {
            await _watching;
        }

        _stop.Dispose();
    }

    private async Task WatchForStallsAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(StallCheckInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                CheckForStalls();
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped at the end of the command.
        }
    }

    private static long WholeSeconds(TimeSpan span) => (long)span.TotalSeconds;

    private ILogger Item(string name, ManifestTable table, ManifestItem item, (string Name, object? Value)[] fields)
        => Event(name, [("table", table.OutTable), ("item", item.Id), ("lane", item.Lane), .. fields]);

    /// <summary>The logger for one event: its name and every non-null field as properties (template holes fill the rest).</summary>
    private ILogger Event(string name, (string Name, object? Value)[] fields)
    {
        var logger = _log.ForContext("event", name);
        foreach (var (field, value) in fields)
        {
            if (value is not null)
            {
                logger = logger.ForContext(field, value, destructureObjects: value is Array);
            }
        }

        return logger;
    }
}
