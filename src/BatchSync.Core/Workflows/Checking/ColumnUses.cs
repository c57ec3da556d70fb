using BatchSync.Core.Workflows.Model;

namespace BatchSync.Core.Workflows.Checking;

/// <summary>Every column a table's settings name, so a source check can confirm each exists.</summary>
public static class ColumnUses
{
    public static IReadOnlyList<ColumnUse> Of(TablePlanSpec table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var uses = new List<ColumnUse>();
        uses.AddRange(table.Key.Select(c => new ColumnUse(c, "key", IsDestinationName: false)));
        if (table.Incremental is { } incremental)
        {
            uses.Add(new ColumnUse(incremental.Column, "incremental.column", IsDestinationName: false));
        }

        // Partitioning and clustering apply to the destination table, where a column may carry its mapped name.
        if (table.Partition is { } partition)
        {
            uses.Add(new ColumnUse(partition.Column, "partition.column", IsDestinationName: true));
        }

        uses.AddRange(table.Cluster.Select(c => new ColumnUse(c, "cluster", IsDestinationName: true)));
        uses.AddRange(table.Columns.Keys.Select(c => new ColumnUse(c, "columns", IsDestinationName: false)));
        return uses;
    }
}
