using BatchSync.BigQuery.Finishing;
using BatchSync.BigQuery.Jobs;
using BatchSync.BigQuery.Tables;
using BatchSync.Core.Runs;

namespace BatchSync.BigQuery.Warehouse;

/// <summary>
/// Where one manifest table lands (<see cref="Destination"/>: table, layout, mode) and the per-run staging table its
/// parts load into first. Both derive from the manifest alone, so the parent and every lane name the same tables.
/// </summary>
internal sealed record RunTableTarget(DestinationSpec Destination, TableId Staging)
{
    /// <summary>Suffix of staging table names, so they are easy to recognise (and to clean up) in a dataset.</summary>
    public const string StagingMarker = "__batchsync_";

    public static RunTableTarget Of(RunManifest manifest, ManifestTable table)
    {
        var project = manifest.Destination.Project
            ?? throw new ArgumentException($"destination.project is not set, so {table.OutTable} has no BigQuery project to land in.");
        var dataset = table.Dataset ?? manifest.Destination.Dataset
            ?? throw new ArgumentException($"{table.OutTable} has no dataset: set destination.dataset or the table's dataset.");
        var destination = new TableId(project, dataset, table.OutTable);
        var spec = new DestinationSpec(destination, DefinitionOf(table), ManifestLoadModes.Parse(table.Mode), manifest.RunId)
        {
            KeyColumns = table.Key,
            DeleteMissing = table.DeleteMissing,
            RecreateOnTypeChange = table.RecreateOnTypeChange,
            CreateDatasetIfMissing = true,
        };
        return new RunTableTarget(spec, StagingTableOf(destination.WithoutDecorator, manifest.RunId));
    }

    /// <summary>
    /// The staging table sits next to its destination (same dataset, so same location) and is named after the
    /// destination and the run: a retried parent or lane finds the same table and what earlier attempts loaded.
    /// </summary>
    public static TableId StagingTableOf(TableId destination, string runId)
        => new(destination.ProjectId, destination.DatasetId, $"{destination.TableName}{StagingMarker}{JobIds.Sanitize(runId)}");

    private static TableDefinition DefinitionOf(ManifestTable table) => new(table.Schema)
    {
        TimePartitioning = table.Partition is { Range: null } time
            ? new TimePartitioning(Enum.Parse<TimePartitioningType>(time.Type ?? "DAY", ignoreCase: true), time.Column)
            : null,
        RangePartitioning = table.Partition is { Range: [var start, var end, var interval] } range
            ? new RangePartitioning(range.Column, start, end, interval)
            : null,
        Clustering = table.Cluster,
    };
}
