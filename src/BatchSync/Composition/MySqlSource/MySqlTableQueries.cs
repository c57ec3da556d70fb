using BatchSync.Core.Planning;
using BatchSync.Core.Runs;
using BatchSync.Core.Schema;
using BatchSync.Core.Workflows.Model;
using BatchSync.MySql.Schema;

namespace BatchSync.Composition.MySqlSource;

/// <summary>The exporter's <see cref="TableQuery"/> for a table being planned, and the statement one item of a planned table runs.</summary>
internal static class MySqlTableQueries
{
    public static TableQuery ForPlanning(TablePlanRequest table) => Create(table.SourceDatabase, table.SourceTable, table.Select, table.Where, table.Extraction);

    /// <summary>The planned columns, narrowed by the item's filter (the table's where, chunk range and incremental slice).</summary>
    public static string SelectForItem(ManifestTable table, ManifestItem item)
        => SelectStatement.Build(
            Create(table.SourceDatabase, table.SourceTable, table.Select, item.Where, table.Extraction),
            [.. (table.Columns ?? []).Select(c => c.Expression)]);

    private static TableQuery Create(string database, string table, string? select, string? where, ExtractionSettings settings) => new()
    {
        Database = database,
        Table = table,
        Select = select,
        Where = where,
        ColumnTypes = new Dictionary<string, BigQueryType>(settings.ColumnTypes ?? new Dictionary<string, BigQueryType>(), StringComparer.OrdinalIgnoreCase),
        ColumnNames = new Dictionary<string, string>(settings.ColumnNames ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase),
        DateTimes = settings.Datetime == DateTimeHandling.Timestamp ? DateTimeMapping.Timestamp : DateTimeMapping.DateTime,
        Types = settings.Types,
    };
}
