namespace BatchSync.Core.Runs;

/// <summary>BigQuery partitioning of the destination: by time (<see cref="Type"/> DAY, HOUR, MONTH, YEAR) or by integer range.</summary>
public sealed record ManifestPartition(string Column, string? Type = null, IReadOnlyList<long>? Range = null);
