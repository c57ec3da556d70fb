using System.Globalization;
using BatchSync.Core.Runs;
using BatchSync.Core.Schema;
using BatchSync.Core.Workflows.Model;

namespace BatchSync.Core.Planning;

/// <summary>
/// Turns a workflow into a run manifest: describes all tables at once (a few catalog queries per database), then per
/// table, several at a time, splits chunked tables by key range and captures incremental bounds, and spreads the
/// items over lanes largest first. The catalog is opened for one plan and closed right after, so planning holds no
/// source connection while the lanes run.
/// </summary>
public sealed class RunPlanner(Func<ISourceCatalog> openCatalog, WatermarkStore watermarks)
{
    /// <summary>Tables planned at once (each needs a catalog connection only for its key range or incremental bound).</summary>
    private const int MaxTablesAtOnce = 8;

    public async Task<RunManifest> PlanAsync(RunPlanRequest request, CancellationToken cancellationToken)
    {
        EnsureDistinctOutTables(request.Tables);
        var tables = new ManifestTable[request.Tables.Count];
        var catalog = openCatalog();
        try
        {
            var lookups = await catalog.DescribeAsync(request.Tables, cancellationToken);
            var options = new ParallelOptions
            {
                MaxDegreeOfParallelism = Math.Clamp(request.MaxConnections ?? MaxTablesAtOnce, 1, MaxTablesAtOnce),
                CancellationToken = cancellationToken,
            };
            await Parallel.ForEachAsync(Enumerable.Range(0, tables.Length), options, async (t, token) =>
                tables[t] = await PlanTableAsync(catalog, request, request.Tables[t], lookups[t], token));
        }
        finally
        {
            if (catalog is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }

        var items = tables.SelectMany((table, t) => table.Items.Select((item, i) => new SizedWork<(int Table, int Item)>((t, i), item.EstimatedBytes))).ToList();
        var laneCount = LanePlanner.LaneCount(items.Count, request.Parallelism, request.MaxConnections);
        var lanes = LanePlanner.Assign(items, laneCount);
        var placed = tables.Select(table => table.Items.ToArray()).ToArray();
        for (var lane = 0; lane < lanes.Count; lane++)
        {
            for (var order = 0; order < lanes[lane].Count; order++)
            {
                var (t, i) = lanes[lane][order];
                placed[t][i] = placed[t][i] with { Lane = lane, Order = order };
            }
        }

        return new RunManifest(
            request.Workflow,
            request.WorkflowFile,
            request.RunId.Value,
            request.CreatedAt,
            request.RunDate,
            request.StagingRoot,
            request.Destination,
            laneCount,
            tables.Select((table, t) => table with { Items = placed[t] }).ToList(),
            request.WorkflowHash);
    }

    private async Task<ManifestTable> PlanTableAsync(
        ISourceCatalog catalog, RunPlanRequest request, TablePlanRequest table, SourceTableLookup lookup, CancellationToken cancellationToken)
    {
        if (lookup.Description is not { } description)
        {
            return Unplannable(table, lookup.Problem ?? $"Table {table.SourceName} could not be described.");
        }

        IncrementalBounds? incremental;
        IReadOnlyList<EstimatedChunk?> chunks;
        try
        {
            incremental = await CaptureIncrementalAsync(catalog, request.Workflow, table, cancellationToken);
            if (request.Destination.Type == DestinationType.BigQuery && await CheckPartitionsAsync(catalog, table, incremental, cancellationToken) is { } tooManyPartitions)
            {
                return Unplannable(table, tooManyPartitions);
            }

            chunks = await SplitAsync(catalog, table, description, cancellationToken);
        }
        catch (SourceTableException exception)
        {
            return Unplannable(table, exception.Message);
        }

        var items = chunks.Select((chunk, index) => new ManifestItem(
            index.ToString("D5", CultureInfo.InvariantCulture),
            Lane: 0,
            Order: 0,
            ItemFilter.Compose(table.Where, chunk?.Bounds, incremental),
            chunk?.Bounds,
            chunk?.EstimatedRows ?? description.EstimatedRows,
            EstimateBytes(description, chunk))).ToList();
        if (request.Destination.Type == DestinationType.BigQuery && LoadJobBudget.Check(table, items, description.EstimatedRows, description.EstimatedBytes) is { } overBudget)
        {
            return Unplannable(table, overBudget);
        }

        return ToManifestTable(table, description.Schema, description.Columns, description.SelectSql, incremental, items, planError: null);
    }

    private async Task<IncrementalBounds?> CaptureIncrementalAsync(ISourceCatalog catalog, string workflow, TablePlanRequest table, CancellationToken cancellationToken)
    {
        if (table.IncrementalColumn is not { } column)
        {
            return null;
        }

        var watermark = await watermarks.ReadAsync(workflow, table.OutTable, cancellationToken);
        // A watermark of another column says nothing about this one: start over with a full read.
        var lower = watermark is not null && string.Equals(watermark.Column, column, StringComparison.OrdinalIgnoreCase)
            ? Lookback.Apply(table.SourceName, column, watermark.Value, table.IncrementalLookback)
            : null;
        var upper = await catalog.GetMaxAsync(table, column, cancellationToken);
        return new IncrementalBounds(column, lower, upper);
    }

    /// <summary>Null when the rows this run reads fit in the partitions one BigQuery job may modify; else why not (<see cref="PartitionBudget"/>).</summary>
    private static async Task<string?> CheckPartitionsAsync(ISourceCatalog catalog, TablePlanRequest table, IncrementalBounds? incremental, CancellationToken cancellationToken)
    {
        if (table.Partition is not { } partition)
        {
            return null;
        }

        var column = SelectNameOf(table, partition.Column);
        var filter = ItemFilter.Compose(table.Where, chunk: null, incremental);
        if (await catalog.GetRangeAsync(table, column, filter, cancellationToken) is not { } range
            || PartitionBudget.Span(partition, range.Min, range.Max) is <= PartitionBudget.PartitionsPerJob)
        {
            return null;
        }

        var partitions = await catalog.CountPartitionsAsync(table, partition, column, filter, cancellationToken);
        return partitions > PartitionBudget.PartitionsPerJob ? PartitionBudget.Refusal(table, partition, partitions, range.Min, range.Max) : null;
    }

    /// <summary>The select's name for a destination column (renames map select names to destination names).</summary>
    private static string SelectNameOf(TablePlanRequest table, string destinationColumn)
    {
        foreach (var (name, renamed) in table.Extraction.ColumnNames ?? new Dictionary<string, string>())
        {
            if (string.Equals(renamed, destinationColumn, StringComparison.OrdinalIgnoreCase))
            {
                return name;
            }
        }

        return destinationColumn;
    }

    /// <summary>A chunk's share of the table's bytes follows its share of the rows.</summary>
    private static long EstimateBytes(SourceTableDescription description, EstimatedChunk? chunk)
        => chunk is null || description.EstimatedRows <= 0
            ? description.EstimatedBytes
            : (long)Math.Min((double)description.EstimatedBytes * chunk.EstimatedRows / description.EstimatedRows, description.EstimatedBytes);

    private static async Task<IReadOnlyList<EstimatedChunk?>> SplitAsync(ISourceCatalog catalog, TablePlanRequest table, SourceTableDescription description, CancellationToken cancellationToken)
    {
        if (table.ChunkRows is not { } rowsPerChunk)
        {
            return [null];
        }

        var column = description.IntegerKeyColumn
            ?? throw new SourceTableException($"Table {table.SourceName} has 'chunk' but its primary key does not start with an integer column to split by. Remove 'chunk' for this table.");
        var range = await catalog.GetKeyRangeAsync(table, column, cancellationToken);
        if (range is null)
        {
            return [null];
        }

        return [.. await ChunkSplitter.SplitAsync(
            column, range, rowsPerChunk, (lower, upper, token) => catalog.EstimateRowsAsync(table, column, lower, upper, token), cancellationToken)];
    }

    private static ManifestTable Unplannable(TablePlanRequest table, string error)
        => ToManifestTable(table, new BigQueryTableSchema([]), columns: [], selectSql: "", incremental: null, items: [], error);

    private static ManifestTable ToManifestTable(
        TablePlanRequest table, BigQueryTableSchema schema, IReadOnlyList<ManifestColumn> columns, string selectSql, IncrementalBounds? incremental, IReadOnlyList<ManifestItem> items, string? planError)
        => new(
            table.SourceDatabase,
            table.SourceTable,
            table.OutTable,
            table.Dataset,
            string.IsNullOrWhiteSpace(table.Select) ? null : table.Select,
            selectSql,
            string.IsNullOrWhiteSpace(table.Where) ? null : table.Where,
            schema,
            table.Mode,
            DestinationNames(table.Key, table.Extraction.ColumnNames),
            table.Partition,
            table.Cluster,
            incremental,
            table.Extraction,
            items,
            planError,
            table.DeleteMissing,
            table.RecreateOnTypeChange,
            columns);

    /// <summary>The key is named by source columns; the MERGE runs on the destination, where a renamed column has its new name.</summary>
    private static IReadOnlyList<string> DestinationNames(IReadOnlyList<string> columns, IReadOnlyDictionary<string, string>? renames)
        => renames is null ? columns : [.. columns.Select(c => renames.TryGetValue(c, out var name) ? name : c)];

    private static void EnsureDistinctOutTables(IReadOnlyList<TablePlanRequest> tables)
    {
        var duplicate = tables.GroupBy(table => table.OutTable, StringComparer.OrdinalIgnoreCase).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException(
                $"Two tables of the workflow land in the same out_table '{duplicate.Key}' ({string.Join(", ", duplicate.Select(t => t.SourceName))}). Give each an out_table of its own.",
                nameof(tables));
        }
    }
}
