using BatchSync.Core.Runs;
using BatchSync.Core.Workflows.Model;

namespace BatchSync.Core.Planning;

/// <summary>One table as the workflow asks for it, with every default already applied.</summary>
/// <remarks>
/// Select: Column list or expressions; null for every column.<br/>
/// Columns: Per-column overrides (BigQuery type, destination name).<br/>
/// IncrementalLookback: re-read this much before the watermark (late writers): a duration for date/time columns, a number of values for integer columns.<br/>
/// ChunkRows: Split into items of about this many rows by primary-key ranges; null for one item.<br/>
/// DeleteMissing: For mode merge, delete destination rows whose key the source no longer has.<br/>
/// RecreateOnTypeChange: For mode replace, land even when the destination's column types differ, replacing them.<br/>
/// </remarks>
public sealed record TablePlanRequest(
    string SourceDatabase,
    string SourceTable,
    string OutTable,
    string? Dataset,
    string? Select,
    string? Where,
    LoadMode Mode,
    IReadOnlyList<string> Key,
    PartitionSpec? Partition,
    IReadOnlyList<string> Cluster,
    string? IncrementalColumn,
    IncrementalLookback IncrementalLookback,
    long? ChunkRows,
    ExtractionSettings Extraction,
    IReadOnlyDictionary<string, ColumnOverride> Columns,
    bool DeleteMissing = false,
    bool RecreateOnTypeChange = false)
{
    public string SourceName => $"{SourceDatabase}.{SourceTable}";
}
