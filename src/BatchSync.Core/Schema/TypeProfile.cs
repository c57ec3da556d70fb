namespace BatchSync.Core.Schema;

/// <summary>Which rules pick a column's BigQuery type and value when the workflow does not override it.</summary>
public enum TypeProfile
{
    /// <summary>BatchSync's own mapping (docs/type-mapping.md): no value is lost or shifted.</summary>
    BatchSync,

    /// <summary>
    /// The types and values embulk-input-mysql + embulk-output-bigquery loaded with their defaults, so tables embulk
    /// created keep loading without a schema change (DATETIME/DATE/TIME/YEAR → TIMESTAMP, DECIMAL → FLOAT,
    /// TINYINT(1) → BOOLEAN, JSON → STRING).
    /// </summary>
    Embulk,
}
