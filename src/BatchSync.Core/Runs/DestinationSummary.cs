using BatchSync.Core.Workflows.Model;

namespace BatchSync.Core.Runs;

/// <summary>
/// Where the run lands its tables, as the manifest records it: the adapter and its identity (BigQuery project,
/// dataset and location; a DuckDB file and schema). Never holds credentials.
/// </summary>
public sealed record DestinationSummary(DestinationType Type, string? Project = null, string? Dataset = null, string? Location = null, string? Path = null)
{
    public static DestinationSummary StageOnly { get; } = new(DestinationType.None);

    public bool IsStageOnly => Type == DestinationType.None;

    /// <summary>The type as a workflow writes it (none, bigquery, duckdb).</summary>
    public string TypeName => EnumNames.DestinationTypes.First(pair => pair.Value == Type).Key;

    /// <summary>The dataset (BigQuery) or schema (DuckDB) a table lands in: its own, else the destination's.</summary>
    public string? DatasetOf(ManifestTable table) => table.Dataset ?? Dataset;

    public override string ToString() => Type switch
    {
        DestinationType.BigQuery => $"BigQuery {Project}.{Dataset} ({Location})",
        DestinationType.DuckDb => $"DuckDB {Path}",
        _ => "none (stage only)",
    };
}
