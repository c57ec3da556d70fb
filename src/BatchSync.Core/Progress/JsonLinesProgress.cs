using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using BatchSync.Core.Runs;
using BatchSync.Core.Work;

namespace BatchSync.Core.Progress;

/// <summary>
/// Progress as one JSON object per line (for CloudWatch and CI logs): item start and finish, item progress at most
/// every <c>progressInterval</c> per item, table finish, run summary. Every line has "event" and "time".
/// </summary>
public sealed class JsonLinesProgress(TextWriter output, TimeProvider time, TimeSpan progressInterval) : IRunProgress
{
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastProgress = new();

    public void RunPlanned(RunManifest manifest) => Write("run_planned", new JsonObject
    {
        ["workflow"] = manifest.Workflow,
        ["run_id"] = manifest.RunId,
        ["tables"] = manifest.Tables.Count,
        ["items"] = manifest.ItemCount,
        ["lanes"] = manifest.Lanes,
        ["destination"] = manifest.Destination.Type,
    });

    public void ItemStarted(ManifestTable table, ManifestItem item, int attempt) => Write("item_started", new JsonObject
    {
        ["table"] = table.OutTable,
        ["item"] = item.Id,
        ["lane"] = item.Lane,
        ["attempt"] = attempt,
        ["estimated_rows"] = item.EstimatedRows,
    });

    public void ItemProgressed(ManifestTable table, ManifestItem item, ExtractionProgress progress)
    {
        var key = $"{table.OutTable}/{item.Id}";
        var now = time.GetUtcNow();
        if (_lastProgress.TryGetValue(key, out var last) && now - last < progressInterval)
        {
            return;
        }

        _lastProgress[key] = now;
        Write("item_progress", new JsonObject
        {
            ["table"] = table.OutTable,
            ["item"] = item.Id,
            ["rows"] = progress.Rows,
            ["bytes"] = progress.Bytes,
            ["estimated_rows"] = item.EstimatedRows,
        });
    }

    public void ItemSkipped(ManifestTable table, ManifestItem item, ItemStatus status) => Write("item_skipped", new JsonObject
    {
        ["table"] = table.OutTable,
        ["item"] = item.Id,
        ["rows"] = status.Rows,
        ["reason"] = "done by an earlier attempt",
    });

    public void ItemFinished(ManifestTable table, ManifestItem item, ItemStatus status) => Write("item_finished", new JsonObject
    {
        ["table"] = table.OutTable,
        ["item"] = item.Id,
        ["state"] = status.State.ToString().ToLowerInvariant(),
        ["attempts"] = status.Attempts,
        ["rows"] = status.Rows,
        ["parts"] = status.Parts?.Count,
        ["compressed_bytes"] = status.CompressedBytes,
        ["error"] = status.Error,
    });

    public void TableFinished(TableReport table) => Write("table_finished", new JsonObject
    {
        ["table"] = table.OutTable,
        ["outcome"] = table.Outcome.ToString().ToLowerInvariant(),
        ["rows"] = table.Rows,
        ["parts"] = table.Parts,
        ["compressed_bytes"] = table.CompressedBytes,
        ["destination"] = table.Destination,
        ["seconds"] = table.Seconds,
        ["failures"] = table.Failures is null ? null : new JsonArray(table.Failures.Select(f => (JsonNode)new JsonObject { ["step"] = f.Step.ToString().ToLowerInvariant(), ["item"] = f.Item, ["message"] = f.Message }).ToArray()),
    });

    public void RunFinished(RunReport report) => Write("run_finished", new JsonObject
    {
        ["workflow"] = report.Workflow,
        ["run_id"] = report.RunId,
        ["succeeded"] = report.Succeeded,
        ["destination_loaded"] = report.DestinationLoaded,
        ["tables"] = report.Tables.Count,
        ["tables_failed"] = report.Tables.Count(t => t.Outcome == TableOutcome.Failed),
        ["rows"] = report.Rows,
    });

    private void Write(string name, JsonObject fields)
    {
        var line = new JsonObject { ["event"] = name, ["time"] = time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture) };
        foreach (var (key, value) in fields.ToList())
        {
            fields.Remove(key);
            if (value is not null)
            {
                line[key] = value;
            }
        }

        var text = line.ToJsonString(CompactJson);
        lock (_gate)
        {
            output.WriteLine(text);
            output.Flush();
        }
    }

    private static readonly JsonSerializerOptions CompactJson = new() { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
