using System.Text.Json.Serialization;

namespace BatchSync.Core.Workflows.Model;

/// <summary>How MySQL DATETIME columns are written.</summary>
public enum DateTimeHandling
{
    /// <summary>BigQuery DATETIME, the wall-clock value unchanged.</summary>
    [JsonStringEnumMemberName("datetime")]
    DateTime,

    /// <summary>BigQuery TIMESTAMP, converted from source.timezone.</summary>
    Timestamp,
}
