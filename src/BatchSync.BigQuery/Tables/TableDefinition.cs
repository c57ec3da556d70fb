using BatchSync.Core.Schema;

namespace BatchSync.BigQuery.Tables;

/// <summary>What a table should look like: schema and the properties that can only be set when it is created.</summary>
public sealed record TableDefinition(BigQueryTableSchema Schema)
{
    public string? Description { get; init; }

    public TimePartitioning? TimePartitioning { get; init; }

    public RangePartitioning? RangePartitioning { get; init; }

    public IReadOnlyList<string> Clustering { get; init; } = [];

    /// <summary>When BigQuery deletes the table by itself; set on staging tables so nothing leaks if a run dies.</summary>
    public DateTimeOffset? ExpirationTime { get; init; }

    /// <summary>True when both describe the same partitioning and clustering (the properties a copy job must agree on).</summary>
    public bool HasSameLayoutAs(TableDefinition other) =>
        Equals(TimePartitioning, other.TimePartitioning)
        && Equals(RangePartitioning, other.RangePartitioning)
        && Clustering.SequenceEqual(other.Clustering, StringComparer.OrdinalIgnoreCase);

    public string DescribeLayout()
    {
        var parts = new List<string>();
        if (TimePartitioning is not null)
        {
            parts.Add($"partitioned by {TimePartitioning}");
        }

        if (RangePartitioning is not null)
        {
            parts.Add($"range-partitioned by {RangePartitioning}");
        }

        if (Clustering.Count > 0)
        {
            parts.Add($"clustered by {string.Join(", ", Clustering)}");
        }

        return parts.Count == 0 ? "not partitioned or clustered" : string.Join(", ", parts);
    }
}
