namespace BatchSync.MySql.Schema;

/// <summary>How DATETIME columns land.</summary>
public enum DateTimeMapping
{
    /// <summary>BigQuery DATETIME with the same wall-clock value (no time-zone shift).</summary>
    DateTime,

    /// <summary>BigQuery TIMESTAMP, converted from the source time zone to UTC.</summary>
    Timestamp,
}
