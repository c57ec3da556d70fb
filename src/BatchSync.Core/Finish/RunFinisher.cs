using BatchSync.Core.Progress;
using BatchSync.Core.Runs;
using BatchSync.Core.Work;

namespace BatchSync.Core.Finish;

/// <summary>
/// The end of a run, after every lane: lands each table whose items are all done (or, with no destination, writes its
/// schema and load configuration), advances incremental watermarks of committed tables, and writes the report.
/// A table with a failed or unfinished item does not land; the others still do.
/// </summary>
public sealed class RunFinisher(RunStore store, WatermarkStore watermarks, IWarehouse? warehouse, IRunProgress progress, TimeProvider time)
{
    public async Task<RunReport> FinishAsync(RunManifest manifest, CancellationToken cancellationToken)
    {
        var tables = new List<TableReport>(manifest.Tables.Count);
        foreach (var table in manifest.Tables)
        {
            var report = await FinishTableAsync(manifest, table, cancellationToken);
            tables.Add(report);
            progress.TableFinished(report);
        }

        var runReport = new RunReport(manifest.Workflow, manifest.RunId, manifest.CreatedAt, time.GetUtcNow(), manifest.Destination.Type, warehouse is not null, tables);
        await store.Documents.WriteAsync(manifest.Layout.Report, RunJson.Serialize(runReport), cancellationToken);
        await store.Documents.WriteAsync(manifest.Layout.ReportHtml, RunReportHtml.Render(runReport), cancellationToken);
        progress.RunFinished(runReport);
        return runReport;
    }

    private async Task<TableReport> FinishTableAsync(RunManifest manifest, ManifestTable table, CancellationToken cancellationToken)
    {
        var statuses = await store.ReadStatusesAsync(manifest, table, cancellationToken);
        var summary = Summarize(table, statuses);
        if (table.PlanError is { } planError)
        {
            return summary with { Outcome = TableOutcome.Failed, Errors = [planError] };
        }

        var errors = statuses.Where(s => s.State != ItemState.Done)
            .Select(s => $"item {s.Item}: {s.Error ?? $"{s.State.ToString().ToLowerInvariant()}, never finished"}")
            .ToList();
        if (errors.Count > 0)
        {
            return summary with { Outcome = TableOutcome.Failed, Errors = errors };
        }

        try
        {
            summary = warehouse is null
                ? await StageOnlyAsync(manifest, table, statuses, summary, cancellationToken)
                : await LandAsync(manifest, table, summary, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return summary with { Outcome = TableOutcome.Failed, Errors = [$"finishing the table failed: {FailureMessage.Of(exception)}"] };
        }

        return await AdvanceWatermarkAsync(manifest, table, summary, cancellationToken);
    }

    private async Task<TableReport> StageOnlyAsync(RunManifest manifest, ManifestTable table, IReadOnlyList<ItemStatus> statuses, TableReport summary, CancellationToken cancellationToken)
    {
        var layout = manifest.Layout;
        var documents = store.Documents;
        var uris = statuses.SelectMany(status => (status.Parts ?? []).Select(part => documents.AddressOf(layout.ItemPrefix(table.OutTable, status.Item) + part.Name)));
        await documents.WriteAsync(layout.Schema(table.OutTable), table.Schema.ToJson(), cancellationToken);
        var load = LoadJobConfiguration.Build(manifest, table, uris);
        await documents.WriteAsync(layout.LoadConfiguration(table.OutTable), load.ToJsonString(RunJson.Options), cancellationToken);
        return summary with { Outcome = TableOutcome.Staged, Destination = documents.AddressOf(layout.TablePrefix(table.OutTable)) };
    }

    private async Task<TableReport> LandAsync(RunManifest manifest, ManifestTable table, TableReport summary, CancellationToken cancellationToken)
    {
        var key = manifest.Layout.Landing(table.OutTable);
        var landed = await store.Documents.ReadAsync(key, cancellationToken);
        var landing = landed is not null
            ? RunJson.Deserialize<TableLanding>(landed, $"landing record {store.Documents.AddressOf(key)}")
            : await warehouse!.FinishTableAsync(manifest, table, summary.Rows, cancellationToken);
        if (landing.Rows != summary.Rows)
        {
            throw new ReconciliationException($"{landing.Destination} took {landing.Rows} rows, but {summary.Rows} were read from the source.");
        }

        if (landed is null)
        {
            await store.Documents.WriteAsync(key, RunJson.Serialize(landing), cancellationToken);
        }

        return summary with { Outcome = TableOutcome.Landed, LandedRows = landing.Rows, Destination = landing.Destination };
    }

    /// <summary>Only a committed table moves its watermark, so a failed run re-reads the same rows next time.</summary>
    private async Task<TableReport> AdvanceWatermarkAsync(RunManifest manifest, ManifestTable table, TableReport summary, CancellationToken cancellationToken)
    {
        if (table.Incremental is not { UpperInclusive: { } upper } incremental)
        {
            return summary;
        }

        await watermarks.WriteAsync(manifest.Workflow, table.OutTable, new Watermark(incremental.Column, upper, manifest.RunId, time.GetUtcNow()), cancellationToken);
        return summary with { Watermark = upper };
    }

    private static TableReport Summarize(ManifestTable table, IReadOnlyList<ItemStatus> statuses)
        => new(
            table.OutTable,
            table.SourceName,
            TableOutcome.Failed,
            Rows: statuses.Sum(s => s.State == ItemState.Done ? s.Rows ?? 0 : 0),
            Parts: statuses.Sum(s => s.State == ItemState.Done ? s.Parts?.Count ?? 0 : 0),
            Bytes: statuses.Sum(s => s.State == ItemState.Done ? s.Bytes : 0),
            CompressedBytes: statuses.Sum(s => s.State == ItemState.Done ? s.CompressedBytes : 0),
            ItemsDone: statuses.Count(s => s.State == ItemState.Done),
            ItemsFailed: statuses.Count(s => s.State == ItemState.Failed),
            ItemsPending: statuses.Count(s => s.State is ItemState.Pending or ItemState.Running),
            Items: [.. table.Items.Zip(statuses, (item, status) => new ItemReport(item.Id, status.State, item.EstimatedRows, status.State == ItemState.Done ? status.Rows : null))]);
}
