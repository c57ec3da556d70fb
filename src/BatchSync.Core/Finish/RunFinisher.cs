using BatchSync.Core.Load;
using BatchSync.Core.Progress;
using BatchSync.Core.Runs;
using BatchSync.Core.Work;

namespace BatchSync.Core.Finish;

/// <summary>
/// The end of a run, after every lane: lands each table whose items are all done in the destination (stage only
/// writes its schema and load configuration), advances incremental watermarks of finished tables, and writes the report.
/// A table with a failed or unfinished item does not land; the others still do. Tables finish several at a time
/// (<see cref="TablesAtOnce"/>), each table's own steps in order; the report is written once, in manifest order.
/// <c>laneLogs</c> says where each lane's log can be read, for the report (null when there is nowhere to link to).
/// </summary>
public sealed class RunFinisher(RunStore store, WatermarkStore watermarks, IDestination destination, IRunProgress progress, TimeProvider time, Func<RunManifest, IReadOnlyList<LaneLog>>? laneLogs = null)
{
    /// <summary>
    /// Tables finished at once. Each landing is a few jobs and metadata calls on its own table, so BigQuery's
    /// per-table limits (5 metadata updates per 10 s, DML per table) see no more than before, and 8 stays far below
    /// the per-project ones (100 concurrent interactive queries, 100 API requests per second per user).
    /// </summary>
    public const int TablesAtOnce = 8;

    public async Task<RunReport> FinishAsync(RunManifest manifest, CancellationToken cancellationToken)
    {
        var tables = new TableReport[manifest.Tables.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = TablesAtOnce, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, tables.Length), options, async (index, token) =>
        {
            tables[index] = await FinishTableAsync(manifest, manifest.Tables[index], token);
            progress.TableFinished(tables[index]);
        });

        var runReport = new RunReport(manifest.Workflow, manifest.RunId, manifest.CreatedAt, time.GetUtcNow(), manifest.Destination.TypeName, !manifest.Destination.IsStageOnly, tables, LaneLogs: laneLogs?.Invoke(manifest));
        runReport = await new RunReportWriter(store.Documents).WriteAsync(manifest, runReport, cancellationToken);
        progress.RunFinished(runReport);
        return runReport;
    }

    private async Task<TableReport> FinishTableAsync(RunManifest manifest, ManifestTable table, CancellationToken cancellationToken)
    {
        var statuses = await store.ReadStatusesAsync(manifest, table, cancellationToken);
        var summary = Summarize(table, statuses);
        if (table.PlanError is { } planError)
        {
            return summary with { Outcome = TableOutcome.Failed, Failures = [new RunFailure(RunStep.Plan, planError)] };
        }

        var failures = statuses.Where(s => s.State != ItemState.Done)
            .Select(s => new RunFailure(s.FailedStep ?? RunStep.Extract, s.Error ?? $"{s.State.ToString().ToLowerInvariant()}, never finished", s.Item))
            .ToList();
        if (failures.Count > 0)
        {
            return summary with { Outcome = TableOutcome.Failed, Failures = failures };
        }

        try
        {
            summary = await LandAsync(manifest, table, statuses, summary, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return summary with { Outcome = TableOutcome.Failed, Failures = [new RunFailure(RunStep.Land, FailureMessage.Of(exception))] };
        }

        return await AdvanceWatermarkAsync(manifest, table, summary, cancellationToken);
    }

    private async Task<TableReport> LandAsync(RunManifest manifest, ManifestTable table, IReadOnlyList<ItemStatus> statuses, TableReport summary, CancellationToken cancellationToken)
    {
        var key = manifest.Layout.Landing(table.OutTable);
        var landed = await store.Documents.ReadAsync(key, cancellationToken);
        var landing = landed is not null
            ? RunJson.Deserialize<TableLanding>(landed, $"landing record {store.Documents.AddressOf(key)}")
            : await destination.LandTableAsync(manifest, table, statuses, cancellationToken);
        if (landing.Rows != summary.Rows)
        {
            throw new ReconciliationException($"{landing.Destination} took {landing.Rows} rows, but {summary.Rows} were read from the source.");
        }

        if (landing.Outcome != TableOutcome.Landed)
        {
            return summary with { Outcome = landing.Outcome, Destination = landing.Destination };
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
            Items: [.. statuses.Select(s => Report(s, table.Items.FirstOrDefault(i => i.Id == s.Item)))]);

    private static ItemReport Report(ItemStatus status, ManifestItem? planned)
        => new(status.Item, planned?.Lane ?? 0, status.State, status.Attempts, status.Rows, status.StartedAt, status.FinishedAt, planned?.EstimatedRows ?? 0);
}
