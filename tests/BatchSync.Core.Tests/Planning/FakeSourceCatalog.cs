using BatchSync.Core.Planning;
using BatchSync.Core.Runs;
using BatchSync.Core.Tests.Runs;

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

    public Task<string?> GetMaxAsync(TablePlanRequest table, string column, CancellationToken cancellationToken)
        => Task.FromResult(Maxima[table.SourceTable]);
}
