using System.Globalization;
using BatchSync.BigQuery.Tables;
using BatchSync.Core.Schema;

namespace BatchSync.BigQuery.Finishing;

/// <summary>
/// Replacing one partition (<c>orders$20261121</c>) copies only that partition of staging, so a staged row of another
/// partition would be dropped without a word. This query counts the staged rows outside the partition and fails with
/// <see cref="OutsideMessage"/> (and the count) when there are any; it reads only the partition column of staging.
/// Partition ids follow BigQuery: the UTC time unit of a DATE/DATETIME/TIMESTAMP column, or an integer range's start.
/// </summary>
internal static class PartitionCheckStatement
{
    /// <summary>The query for landing <paramref name="destination"/>'s partition, or null when its table is not partitioned by a column.</summary>
    public static string? Build(TableId destination, TableId staging, TableDefinition definition)
    {
        if (destination.PartitionDecorator is not { } partition || Predicate(definition, partition) is not { } inPartition)
        {
            return null;
        }

        return $"SELECT ERROR(FORMAT({Literal(OutsideMessage(destination, PartitionColumn(definition)!).Replace("%", "%%", StringComparison.Ordinal).Replace("{count}", "%d", StringComparison.Ordinal))}, outside)) "
            + $"FROM (SELECT COUNTIF(({inPartition}) IS NOT TRUE) AS outside FROM {staging.ToSql()}) WHERE outside > 0";
    }

    /// <summary>What landing fails with; <c>{count}</c> stands for the number of rows outside the partition.</summary>
    public static string OutsideMessage(TableId destination, string column) =>
        $"BatchSync: {{count}} staged row(s) for {destination} fall outside partition {destination.PartitionDecorator} (column {column}), so the partition was not replaced: "
        + $"copying it alone would drop them. Narrow the table's where to the rows of that partition (or write to the table without a partition decorator).";

    /// <summary>Why <paramref name="decorator"/> cannot name a partition of a table laid out as <paramref name="definition"/>, or null.</summary>
    public static string? ProblemWith(string decorator, TableDefinition definition)
    {
        if (definition.TimePartitioning is { } time)
        {
            var shape = UnitOf(time.Type).Shape;
            return decorator.Length == shape.Length && decorator.All(char.IsAsciiDigit)
                ? null
                : $"the partition decorator ${decorator} does not name a {time.Type.ToString().ToUpperInvariant()} partition (${shape})";
        }

        if (definition.RangePartitioning is { } range)
        {
            return long.TryParse(decorator, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var start)
                && start >= range.Start && start < range.End && (start - range.Start) % range.Interval == 0
                ? null
                : $"the partition decorator ${decorator} is not the start of a partition of {range}";
        }

        return $"the partition decorator ${decorator} needs a partitioned table, and this one is not partitioned";
    }

    private static string Literal(string text) => MergeStatement.StringLiteral(text);

    private static string? PartitionColumn(TableDefinition definition) => definition.TimePartitioning?.Field ?? definition.RangePartitioning?.Field;

    private static string? Predicate(TableDefinition definition, string partition)
    {
        if (definition.RangePartitioning is { } range)
        {
            var start = long.Parse(partition, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            var column = MergeStatement.Quote(range.Field);
            return $"{column} >= {start.ToString(CultureInfo.InvariantCulture)} AND {column} < {(start + range.Interval).ToString(CultureInfo.InvariantCulture)}";
        }

        // Ingestion-time partitioning has no column: the decorator itself places the rows.
        if (definition.TimePartitioning is not { Field: { } field } time)
        {
            return null;
        }

        var type = definition.Schema.Fields.FirstOrDefault(f => string.Equals(f.Name, field, StringComparison.OrdinalIgnoreCase))?.Type
            ?? throw new ArgumentException($"The partition column {field} is not in the schema.", nameof(definition));
        var format = Literal(UnitOf(time.Type).Format);
        var quoted = MergeStatement.Quote(field);
        var formatted = type switch
        {
            BigQueryType.Date => $"FORMAT_DATE({format}, {quoted})",
            BigQueryType.DateTime => $"FORMAT_DATETIME({format}, {quoted})",
            BigQueryType.Timestamp => $"FORMAT_TIMESTAMP({format}, {quoted}, 'UTC')",
            _ => throw new ArgumentException($"The partition column {field} is {type}; time partitioning needs DATE, DATETIME or TIMESTAMP.", nameof(definition)),
        };
        return $"{formatted} = {Literal(partition)}";
    }

    /// <summary>How BigQuery writes a time unit's partition id, as a FORMAT_ pattern and for people.</summary>
    private static (string Format, string Shape) UnitOf(TimePartitioningType type) => type switch
    {
        TimePartitioningType.Hour => ("%Y%m%d%H", "YYYYMMDDHH"),
        TimePartitioningType.Month => ("%Y%m", "YYYYMM"),
        TimePartitioningType.Year => ("%Y", "YYYY"),
        _ => ("%Y%m%d", "YYYYMMDD"),
    };

}
