using System.Text.Json.Serialization;

namespace BatchSync.Core.Workflows.Model;

/// <summary>Destination partitioning: by time unit of a date/time column, or by integer range.</summary>
public sealed record PartitionSpec(string Column, TimePartitionType? Type, IntegerRange? Range)
{
    [JsonIgnore]
    public bool IsTimeUnit => Type is not null;
}

/// <summary>BigQuery integer-range partitioning: [Start, End) in steps of Interval.</summary>
public sealed record IntegerRange(long Start, long End, long Interval)
{
    /// <summary>BigQuery's limit on partitions of one table.</summary>
    public const long MaxPartitions = 10_000;

    [JsonIgnore]
    public long PartitionCount => (End - Start + Interval - 1) / Interval;
}
