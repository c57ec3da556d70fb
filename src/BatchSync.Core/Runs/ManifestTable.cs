using BatchSync.Core.Schema;

using BatchSync.Core.Workflows.Model;

namespace BatchSync.Core.Runs;

/// <summary>
/// One table of a run: where it comes from, where it goes, its BigQuery schema and its work items.
/// A table the planner could not describe (missing table or column, unsupported type) has a <see cref="PlanError"/>
/// and no items: it fails alone, and the other tables still run. <see cref="DeleteMissing"/> (mode merge) deletes destination
/// rows whose key the source no longer has; <see cref="RecreateOnTypeChange"/> (mode replace) lets landing replace the
/// destination's column types instead of failing on a type change.
/// </summary>
/// <remarks>
/// Select is the select list as configured (null for every column); SelectSql is the statement planning generated for
/// the whole table (with the table's where); each item narrows it by its own <see cref="ManifestItem.Where"/>.
/// </remarks>
public sealed record ManifestTable(
    string SourceDatabase,
    string SourceTable,
    string OutTable,
    string? Dataset,
    string? Select,
    string SelectSql,
    string? Where,
    BigQueryTableSchema Schema,
    LoadMode Mode,
    IReadOnlyList<string> Key,
    PartitionSpec? Partition,
    IReadOnlyList<string> Cluster,
    IncrementalBounds? Incremental,
    ExtractionSettings Extraction,
    IReadOnlyList<ManifestItem> Items,
    string? PlanError = null,
    bool DeleteMissing = false,
    bool RecreateOnTypeChange = false)
{
    public string SourceName => $"{SourceDatabase}.{SourceTable}";
}
