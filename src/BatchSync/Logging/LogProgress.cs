using System.Collections.Concurrent;
using BatchSync.Core.Progress;
using BatchSync.Core.Runs;
using BatchSync.Core.Work;
using Serilog;

namespace BatchSync.Logging;

/// <summary>
/// A run's progress as log events: item start and finish, item progress at most every <c>progressInterval</c> per
/// item, table finish, run summary. Every event has an <c>event</c> name and, once the run is planned, its
/// <c>workflow</c> and <c>run_id</c>; item events carry <c>table</c>, <c>item</c> and <c>lane</c>.
/// </summary>
internal sealed class LogProgress(ILogger log, TimeProvider time, TimeSpan progressInterval) : IRunProgress
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastProgress = new();
    private readonly ILogger _command = log;
    private ILogger _log = log;

    public void RunPlanned(RunManifest manifest)
    {
        _log = _command.ForContext("workflow", manifest.Workflow).ForContext("run_id", manifest.RunId);
        Event("run_planned", [("tables", manifest.Tables.Count), ("items", manifest.ItemCount), ("lanes", manifest.Lanes), ("destination", manifest.Destination.TypeName)])
            .Information("Run {run_id} of {workflow} planned: {tables} tables, {items} items on {lanes} lanes", manifest.RunId, manifest.Workflow, manifest.Tables.Count, manifest.ItemCount, manifest.Lanes);
    }

    public void ItemStarted(ManifestTable table, ManifestItem item, int attempt)
        => Item("item_started", table, item, [("attempt", attempt), ("estimated_rows", item.EstimatedRows)])
            .Information("{table}/{item} started on lane {lane}, attempt {attempt}", table.OutTable, item.Id, item.Lane, attempt);

    public void ItemProgressed(ManifestTable table, ManifestItem item, ExtractionProgress progress)
    {
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

    public void ItemSkipped(ManifestTable table, ManifestItem item, ItemStatus status)
        => Item("item_skipped", table, item, [("rows", status.Rows), ("reason", "done by an earlier attempt")])
            .Information("{table}/{item} skipped: done by an earlier attempt", table.OutTable, item.Id);

    public void ItemFinished(ManifestTable table, ManifestItem item, ItemStatus status)
    {
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
