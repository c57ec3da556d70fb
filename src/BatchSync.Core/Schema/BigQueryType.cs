using System.Text.Json.Serialization;

namespace BatchSync.Core.Schema;

/// <summary>The BigQuery (GoogleSQL) column types BatchSync writes.</summary>
public enum BigQueryType
{
    String,
    Bytes,
    Int64,
    Float64,
    Numeric,
    [JsonStringEnumMemberName("bignumeric")]
    BigNumeric,
    Bool,
    Timestamp,
    Date,
    Time,
    [JsonStringEnumMemberName("datetime")]
    DateTime,
    Json,
    Geography,
}
