using BatchSync.Core.Workflows.Diagnostics;
using BatchSync.Core.Workflows.Model;
using BatchSync.Core.Workflows.Naming;

namespace BatchSync.Core.Workflows.Loading;

/// <summary>Reads a table's <c>partition:</c> (time unit or integer range) and checks it against BigQuery's limits.</summary>
internal static class PartitionReader
{
    public static PartitionSpec? Read(MapReader table)
    {
        if (table.Map("partition") is not { } node)
        {
            return null;
        }

        var map = new MapReader(node, table.PathOf("partition"), table.Diagnostics, WorkflowKeys.Partition);
        var column = map.RequiredString("column", "the date, time or integer column to partition by");
        if (column is not null && BigQueryNames.CheckColumn(column) is { } nameError)
        {
            map.Diagnostics.Error(DiagnosticCodes.BadName, map.LocationOf("column"), $"{map.PathOf("column")}: {nameError}");
        }

        var type = map.Enum("type", EnumNames.TimePartitionTypes);
        var range = ReadRange(map);
        if (map.Has("type") == map.Has("range"))
        {
            map.Diagnostics.Error(
                DiagnosticCodes.BadPartition,
                map.Location,
                $"{map.Where} needs exactly one of 'type' and 'range'",
                "write type: DAY (or HOUR, MONTH, YEAR) for a date/time column, or range: [start, end, interval] for an integer column");
            return null;
        }

        return column is null || (type is null && range is null) ? null : new PartitionSpec(column, type, range);
    }

    private static IntegerRange? ReadRange(MapReader map)
    {
        if (map.Sequence("range") is not { } sequence)
        {
            return null;
        }

        if (sequence.Items.Count != 3)
        {
            map.Diagnostics.Error(DiagnosticCodes.BadPartition, sequence.Location, $"{map.PathOf("range")} must be [start, end, interval], found {sequence.Items.Count} values");
            return null;
        }

        var values = sequence.Items.Select(item => map.AsInteger(item, map.PathOf("range"), long.MinValue, long.MaxValue)).ToArray();
        if (values.Any(v => v is null))
        {
            return null;
        }

        var range = new IntegerRange(values[0]!.Value, values[1]!.Value, values[2]!.Value);
        var problem = range switch
        {
            _ when range.Interval <= 0 => "the interval must be positive",
            _ when range.End <= range.Start => "end must be greater than start",
            _ when range.PartitionCount > IntegerRange.MaxPartitions => $"it makes {range.PartitionCount} partitions; BigQuery allows at most {IntegerRange.MaxPartitions}",
            _ => null,
        };
        if (problem is null)
        {
            return range;
        }

        map.Diagnostics.Error(DiagnosticCodes.BadPartition, sequence.Location, $"{map.PathOf("range")} [{range.Start}, {range.End}, {range.Interval}]: {problem}");
        return null;
    }
}
