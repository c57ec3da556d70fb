using BatchSync.Core.Planning;
using BatchSync.Core.Runs;
using BatchSync.Core.Tests.Runs;
using BatchSync.Core.Workflows.Model;

namespace BatchSync.Core.Tests.Planning;

internal sealed class FakeSourceCatalog : ISourceCatalog
{
    public Dictionary<string, SourceTableDescription> Tables { get; } = [];

    public Dictionary<string, KeyRange?> KeyRanges { get; } = [];

    public Dictionary<string, string?> Maxima { get; } = [];

    public FakeSourceCatalog With(string table, long rows, long bytes, string? key = "id", KeyRange? range = null, string? max = null)
    {
        Tables[table] = new SourceTableDescription(TestManifests.Schema(), "SELECT `id`, `name` FROM `shop`.`" + table + "`", rows, bytes, key,
            [new ManifestColumn("id", "Number", "`id`"), new ManifestColumn("name", "Text", "`name`")]);
        KeyRanges[table] = range;
        Maxima[table] = max;
        return this;
    }

    public Task<IReadOnlyList<SourceTableLookup>> DescribeAsync(IReadOnlyList<TablePlanRequest> tables, CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<SourceTableLookup>>([.. tables.Select(table => Tables.TryGetValue(table.SourceTable, out var description)
            ? SourceTableLookup.Found(description)
            : SourceTableLookup.Failed($"Table {table.SourceName} does not exist."))]);

    public Task<KeyRange?> GetKeyRangeAsync(TablePlanRequest table, string column, CancellationToken cancellationToken)
        => Task.FromResult(KeyRanges[table.SourceTable]);

    /// <summary>Keys spread evenly over the table's key range, unless <see cref="Keys"/> lists them.</summary>
    public Task<long> EstimateRowsAsync(TablePlanRequest table, string column, long lower, Int128 upperExclusive, CancellationToken cancellationToken)
    {
        if (Keys.TryGetValue(table.SourceTable, out var keys))
        {
            return Task.FromResult((long)keys.Count(k => k >= lower && k < upperExclusive));
        }

        var range = KeyRanges[table.SourceTable]!;
        var rows = Tables[table.SourceTable].EstimatedRows;
        var width = Int128.Min(upperExclusive, (Int128)range.Max + 1) - Int128.Max(lower, range.Min);
        return Task.FromResult(width <= 0 ? 0 : (long)(width * rows / ((Int128)range.Max - range.Min + 1)));
    }

    public Dictionary<string, long[]> Keys { get; } = [];

    /// <summary>Per table: the partition column's MIN/MAX and how many partitions its rows fall into.</summary>
    public Dictionary<string, (ColumnRange Range, long Partitions)> PartitionColumns { get; } = [];

    public Task<ColumnRange?> GetRangeAsync(TablePlanRequest table, string column, string? filter, CancellationToken cancellationToken)
        => Task.FromResult(PartitionColumns.TryGetValue(table.SourceTable, out var values) ? values.Range : null);

    public Task<long> CountPartitionsAsync(TablePlanRequest table, PartitionSpec partition, string column, string? filter, CancellationToken cancellationToken)
        => Task.FromResult(PartitionColumns[table.SourceTable].Partitions);

    public Task<string?> GetMaxAsync(TablePlanRequest table, string column, CancellationToken cancellationToken)
        => Task.FromResult(Maxima[table.SourceTable]);
}
