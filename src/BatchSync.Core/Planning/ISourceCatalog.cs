using BatchSync.Core.Workflows.Model;

namespace BatchSync.Core.Planning;

/// <summary>What the planner asks the source database: table shapes, size estimates and key bounds. Safe to call from several tasks at once.</summary>
public interface ISourceCatalog
{
    /// <summary>
    /// Every table's BigQuery schema, columns, the select lanes will run, size estimates and key columns, in the order
    /// asked: a few queries per database whatever the number of tables (plus one per table whose select or where the
    /// server must check). A table that cannot be exported as asked (missing table or column, unsupported type) gets
    /// a problem instead; the others are still described.
    /// </summary>
    Task<IReadOnlyList<SourceTableLookup>> DescribeAsync(IReadOnlyList<TablePlanRequest> tables, CancellationToken cancellationToken);

    /// <summary>MIN and MAX of an integer column over the whole table; null when the table is empty.</summary>
    Task<KeyRange?> GetKeyRangeAsync(TablePlanRequest table, string column, CancellationToken cancellationToken);

    /// <summary>
    /// How many rows have an integer key in [lower, upper), as the source estimates it from its index (cheap: no
    /// rows are read). Chunking uses it to find where the rows are.
    /// </summary>
    Task<long> EstimateRowsAsync(TablePlanRequest table, string column, long lower, Int128 upperExclusive, CancellationToken cancellationToken);

    /// <summary>MAX of a column over the rows the table's filter selects, as the server prints it; null when there are none.</summary>
    Task<string?> GetMaxAsync(TablePlanRequest table, string column, CancellationToken cancellationToken);

    /// <summary>
    /// MIN and MAX of a column of the table's select (a destination column before renames: the select's own name)
    /// over the rows <paramref name="filter"/> selects, as the server prints them; null when there are none.
    /// </summary>
    Task<ColumnRange?> GetRangeAsync(TablePlanRequest table, string column, string? filter, CancellationToken cancellationToken);

    /// <summary>How many partitions of <paramref name="partition"/> the rows <paramref name="filter"/> selects fall into (rows whose column is NULL not counted).</summary>
    Task<long> CountPartitionsAsync(TablePlanRequest table, PartitionSpec partition, string column, string? filter, CancellationToken cancellationToken);
}
