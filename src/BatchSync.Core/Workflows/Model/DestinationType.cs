using System.Text.Json.Serialization;

namespace BatchSync.Core.Workflows.Model;

/// <summary>The destination adapters (docs/design.md, "The destination port"); run documents spell them as the workflow does.</summary>
public enum DestinationType
{
    /// <summary>Stop after staging; the run says so.</summary>
    None,

    [JsonStringEnumMemberName("bigquery")]
    BigQuery,

    /// <summary>An embedded DuckDB database file on this machine.</summary>
    [JsonStringEnumMemberName("duckdb")]
    DuckDb,
}
