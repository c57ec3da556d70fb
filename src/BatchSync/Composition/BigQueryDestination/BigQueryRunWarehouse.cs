using System.Collections.Concurrent;
using BatchSync.BigQuery;
using BatchSync.BigQuery.Finishing;
using BatchSync.BigQuery.Jobs;
using BatchSync.BigQuery.Tables;
using BatchSync.Core.Runs;
using BatchSync.Core.Work;

namespace BatchSync.Composition.BigQueryDestination;

/// <summary>
/// The run pipeline's destination on BigQuery: each table gets its destination (created or evolved) and a per-run
/// staging table; lanes load their parts into staging with deterministic job ids; finish lands staging per mode.
/// A table whose destination cannot be prepared (a schema conflict) fails alone: its items report why.
/// </summary>
internal sealed class BigQueryRunWarehouse(BigQueryWarehouse client, Func<string, CancellationToken, Task<Stream>> openStagedObject) : IWarehouse
{
    /// <summary>Staging tables expire on their own, so a run that dies leaves nothing behind for long.</summary>
    private static readonly TimeSpan StagingLifetime = TimeSpan.FromDays(2);

    private readonly ConcurrentDictionary<string, Exception> _unprepared = new(StringComparer.Ordinal);

    public async Task PrepareAsync(RunManifest manifest, CancellationToken cancellationToken)
    {
        foreach (var table in manifest.Tables.Where(t => t.PlanError is null))
        {
            try
            {
                var spec = Destination(manifest, table);
                await client.EnsureDestinationAsync(spec, cancellationToken);
                await client.CreateStagingTableAsync(StagingTable(manifest, table), spec.Definition, StagingLifetime, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                _unprepared[table.OutTable] = exception;
            }
        }
    }

    public async Task<long> LoadItemAsync(RunManifest manifest, ManifestTable table, ManifestItem item, ExtractedItem extracted, CancellationToken cancellationToken)
    {
        if (_unprepared.TryGetValue(table.OutTable, out var problem))
        {
            throw new DestinationNotPreparedException($"The destination of {table.OutTable} could not be prepared: {problem.Message}", problem);
        }

        var staging = StagingTable(manifest, table);
        var prefix = manifest.Layout.ItemPrefix(table.OutTable, item.Id);
        long rows = 0;
        for (var part = 0; part < extracted.Parts.Count; part++)
        {
            var key = prefix + extracted.Parts[part].Name;
            var jobId = JobIds.Create(manifest.RunId, $"{table.OutTable}/{item.Id}", part, "load");
            rows += await client.LoadPartAsync(staging, token => openStagedObject(key, token), jobId, table.Schema, cancellationToken);
        }

        return rows;
    }

    public async Task<TableLanding> FinishTableAsync(RunManifest manifest, ManifestTable table, long expectedRows, CancellationToken cancellationToken)
    {
        var result = await client.FinishTableAsync(Destination(manifest, table), StagingTable(manifest, table), expectedRows, cancellationToken);
        return new TableLanding(result.Destination.ToString(), result.StagedRows);
    }

    private DestinationSpec Destination(RunManifest manifest, ManifestTable table)
    {
        var dataset = table.Dataset ?? manifest.Destination.Dataset
            ?? throw new InvalidOperationException($"{table.OutTable} has no dataset: set destination.dataset or the table's dataset.");
        var spec = new DestinationSpec(new TableId(client.Options.ProjectId, dataset, table.OutTable), Definition(table), Mode(table.Mode), manifest.RunId)
        {
            KeyColumns = table.Key,
            CreateDatasetIfMissing = true,
        };
        spec.Validate();
        return spec;
    }

    private TableId StagingTable(RunManifest manifest, ManifestTable table)
    {
        var destination = new TableId(client.Options.ProjectId, table.Dataset ?? manifest.Destination.Dataset ?? "_", table.OutTable);
        return new TableId(destination.ProjectId, destination.DatasetId, $"{table.OutTable}__batchsync_{JobIds.Sanitize(manifest.RunId)}");
    }

    private static TableDefinition Definition(ManifestTable table) => new(table.Schema)
    {
        TimePartitioning = table.Partition is { Range: null } time
            ? new TimePartitioning(Enum.Parse<TimePartitioningType>(time.Type ?? "DAY", ignoreCase: true), time.Column)
            : null,
        RangePartitioning = table.Partition is { Range: [var start, var end, var interval] } range
            ? new RangePartitioning(range.Column, start, end, interval)
            : null,
        Clustering = table.Cluster,
    };

    private static LoadMode Mode(string mode) => mode switch
    {
        "append" => LoadMode.Append,
        "merge" => LoadMode.Merge,
        "delete_in_advance" => LoadMode.DeleteInAdvance,
        _ => LoadMode.Replace,
    };
}
