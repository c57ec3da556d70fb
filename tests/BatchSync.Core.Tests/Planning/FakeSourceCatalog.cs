using BatchSync.Core.Planning;
using BatchSync.Core.Tests.Runs;

namespace BatchSync.Core.Tests.Planning;

internal sealed class FakeSourceCatalog : ISourceCatalog
{
    public Dictionary<string, SourceTableDescription> Tables { get; } = [];

    public Dictionary<string, KeyRange?> KeyRanges { get; } = [];

    public Dictionary<string, string?> Maxima { get; } = [];

    public FakeSourceCatalog With(string table, long rows, long bytes, string? key = "id", KeyRange? range = null, string? max = null)
    {
        Tables[table] = new SourceTableDescription(TestManifests.Schema(), "SELECT `id`, `name` FROM `shop`.`" + table + "`", rows, bytes, key);
        KeyRanges[table] = range;
        Maxima[table] = max;
        return this;
    }

    public Task<SourceTableDescription> DescribeAsync(TablePlanRequest table, CancellationToken cancellationToken)
        => Tables.TryGetValue(table.SourceTable, out var description)
            ? Task.FromResult(description)
            : throw new SourceTableException($"Table {table.SourceName} does not exist.");

    public Task<KeyRange?> GetKeyRangeAsync(TablePlanRequest table, string column, CancellationToken cancellationToken)
        => Task.FromResult(KeyRanges[table.SourceTable]);

    public Task<string?> GetMaxAsync(TablePlanRequest table, string column, CancellationToken cancellationToken)
        => Task.FromResult(Maxima[table.SourceTable]);
}
