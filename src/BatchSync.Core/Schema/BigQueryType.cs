namespace BatchSync.Core.Schema;

/// <summary>The BigQuery (GoogleSQL) column types BatchSync writes.</summary>
public enum BigQueryType
{
    String,
    Bytes,
    Int64,
    Float64,
    Numeric,
    BigNumeric,
    Bool,
    Timestamp,
    Date,
    Time,
    DateTime,
    Json,
    Geography,
}
