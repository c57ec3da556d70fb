using BatchSync.BigQuery.Finishing;
using BatchSync.BigQuery.Tables;
using BatchSync.Core.Load;
using BatchSync.Core.Runs;
using BatchSync.Core.Workflows.Model;

namespace BatchSync.BigQuery.Run;

/// <summary>
/// Where one manifest table lands (<see cref="Destination"/>: table, layout, mode) and the per-run staging table its
/// parts load into first. Both derive from the manifest alone, so the parent and every lane name the same tables.
/// </summary>
internal sealed record RunTableTarget(DestinationSpec Destination, TableId Staging)
{
    public static RunTableTarget Of(RunManifest manifest, ManifestTable table)
    {
        var project = manifest.Destination.Project
            ?? throw new ArgumentException($"destination.project is not set, so {table.OutTable} has no BigQuery project to land in.");
        var dataset = manifest.Destination.DatasetOf(table)
            ?? throw new ArgumentException($"{table.OutTable} has no dataset: set destination.dataset or the table's dataset.");
        var destination = new TableId(project, dataset, table.OutTable);
        var spec = new DestinationSpec(destination, DefinitionOf(table), table.Mode, manifest.RunId)
        {
            Workflow = manifest.Workflow,
            KeyColumns = table.Key,
            DeleteMissing = table.DeleteMissing,
            RecreateOnTypeChange = table.RecreateOnTypeChange,
            CreateDatasetIfMissing = true,
        };
        return new RunTableTarget(spec, StagingTableOf(destination.WithoutDecorator, manifest.RunId));
    }

    /// <summary>The staging table sits next to its destination: same dataset, so same location.</summary>
    public static TableId StagingTableOf(TableId destination, string runId)
        => new(destination.ProjectId, destination.DatasetId, StagingTableName.Of(destination.TableName, runId));

    private static TableDefinition DefinitionOf(ManifestTable table) => new(table.Schema)
    {
        TimePartitioning = table.Partition is { Type: { } type } time
            ? new TimePartitioning(UnitOf(type), time.Column)
            : null,
        RangePartitioning = table.Partition is { Range: { } integers } range
            ? new RangePartitioning(range.Column, integers.Start, integers.End, integers.Interval)
            : null,
        Clustering = table.Cluster,
    };

    private static TimePartitioningType UnitOf(TimePartitionType type) => type switch
    {
        TimePartitionType.Hour => TimePartitioningType.Hour,
        TimePartitionType.Month => TimePartitioningType.Month,
        TimePartitionType.Year => TimePartitioningType.Year,
        _ => TimePartitioningType.Day,
    };
}
