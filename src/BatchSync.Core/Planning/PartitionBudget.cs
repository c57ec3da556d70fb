using System.Globalization;
using BatchSync.Core.Workflows.Model;

namespace BatchSync.Core.Planning;

/// <summary>
/// BigQuery rejects a load or query job that modifies more than 4,000 partitions ("Number of partitions modified by
/// a single job", https://cloud.google.com/bigquery/quotas#partitioned_tables; the job fails with "Too many
/// partitions produced by query, allowed 4000, …"). Any part of a table may hold rows of every partition the run
/// reads, so a partitioned table whose rows span more partitions is refused at plan time, before anything is read,
/// with what fixes it. The span comes from the partition column's MIN and MAX (cheap with an index); only when that
/// span is over the limit are the partitions counted exactly, so a sparse table is not refused for its range alone.
/// </summary>
public static class PartitionBudget
{
    /// <summary>BigQuery's limit on partitions one job modifies.</summary>
    public const int PartitionsPerJob = 4000;

    /// <summary>
    /// How many partitions lie between the lowest and highest value (both included), as the source prints them; null
    /// when a value is not one the partitioning can place (a zero date), so only an exact count can tell.
    /// </summary>
    public static long? Span(PartitionSpec partition, string min, string max)
    {
        ArgumentNullException.ThrowIfNull(partition);
        if (partition.Range is { } range)
        {
            return long.TryParse(min, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var low)
                && long.TryParse(max, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var high)
                ? RangeSpan(range, low, high)
                : null;
        }

        return Instant(min) is { } first && Instant(max) is { } last ? TimeUnitSpan(partition.Type ?? TimePartitionType.Day, first, last) : null;
    }

    /// <summary>Why the table cannot load as planned and what to change.</summary>
    public static string Refusal(TablePlanRequest table, PartitionSpec partition, long partitions, string min, string max)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(partition);
        var layout = partition.Range is { } range ? $"integer range [{range.Start}, {range.End}) step {range.Interval}" : $"{(partition.Type ?? TimePartitionType.Day).ToString().ToUpperInvariant()}";
        var coarser = partition.Type switch
        {
            TimePartitionType.Hour => "partition: {type: DAY} or MONTH",
            TimePartitionType.Day => "partition: {type: MONTH} or YEAR",
            TimePartitionType.Month => "partition: {type: YEAR}",
            _ => "a wider range interval",
        };
        return $"{table.SourceName} would write {partitions.ToString("N0", CultureInfo.InvariantCulture)} partitions of {table.OutTable} (column {partition.Column}, {layout}; its values run from {min} to {max}), "
            + $"but BigQuery rejects a load job that modifies more than {PartitionsPerJob.ToString("N0", CultureInfo.InvariantCulture)} partitions. "
            + $"Use a coarser partitioning ({coarser}), or narrow the table with a where filter on {partition.Column} and load the rest in other runs.";
    }

    private static long RangeSpan(IntegerRange range, long low, long high)
    {
        // Values outside [start, end) share the one __UNPARTITIONED__ partition.
        var outside = low < range.Start || high >= range.End ? 1 : 0;
        var first = Math.Clamp(low, range.Start, range.End - 1);
        var last = Math.Clamp(high, range.Start, range.End - 1);
        return ((last - range.Start) / range.Interval) - ((first - range.Start) / range.Interval) + 1 + outside;
    }

    private static long TimeUnitSpan(TimePartitionType type, DateTime first, DateTime last) => type switch
    {
        TimePartitionType.Hour => (long)(Hour(last) - Hour(first)).TotalHours + 1,
        TimePartitionType.Month => ((last.Year * 12L) + last.Month) - ((first.Year * 12L) + first.Month) + 1,
        TimePartitionType.Year => last.Year - first.Year + 1L,
        _ => (long)(last.Date - first.Date).TotalDays + 1,
    };

    private static DateTime Hour(DateTime instant) => new(instant.Year, instant.Month, instant.Day, instant.Hour, 0, 0, DateTimeKind.Unspecified);

    /// <summary>A DATE, DATETIME or TIMESTAMP as MySQL prints it (<c>2026-11-21</c>, <c>2026-11-21 03:04:05.123</c>).</summary>
    private static DateTime? Instant(string value) =>
        DateTime.TryParseExact(value.Length > 19 ? value[..19] : value, ["yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            ? instant
            : null;
}
