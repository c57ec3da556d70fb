using BatchSync.Core.Schema;
using BatchSync.MySql.Protocol;
using BatchSync.MySql.Results;

namespace BatchSync.MySql.Schema;

/// <summary>
/// Works out the columns of an export: the result metadata of the select (<c>LIMIT 0</c>, so the server checks the
/// select and where without reading rows) joined with information_schema for what the metadata lacks
/// (TINYINT(1), BIT width, DECIMAL shape, MariaDB's JSON), then mapped to BigQuery. A whole table without a filter
/// needs no query of its own: information_schema alone describes it (<see cref="FromCatalog"/>).
/// </summary>
public static class SchemaDiscovery
{
    public static async Task<ExtractionPlan> DiscoverAsync(MySqlConnection connection, TableQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(query);
        var sourceColumns = await SourceColumnCatalog.ReadAsync(connection, query, cancellationToken);
        return await DiscoverAsync(connection, query, sourceColumns, cancellationToken);
    }

    /// <summary>Discovers with the table's columns already read from information_schema (one query for the select, none for the catalog).</summary>
    public static async Task<ExtractionPlan> DiscoverAsync(
        MySqlConnection connection, TableQuery query, IReadOnlyDictionary<string, SourceColumn> sourceColumns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(query);
        var resultColumns = await DescribeResultAsync(connection, query, cancellationToken);
        var geometryText = GeometryTextFunction(connection.IsMySql8);
        var columns = resultColumns.Select(result => PlanColumn(query, result, sourceColumns, geometryText)).ToList();
        CheckNamesAreUnique(query, columns);
        CheckOverridesNameColumns(query, columns);
        return new ExtractionPlan(query, columns, SelectStatement.Build(query, [.. columns.Select(c => c.SelectExpression)]));
    }

    /// <summary>
    /// The plan of a whole table without a filter, from its information_schema columns (in table order) alone; null when
    /// the query has a select or where for the server to check, or a column's type needs the result metadata to be known.
    /// <paramref name="isMySql8"/> is the server's flavour, which decides how geometry is read.
    /// </summary>
    public static ExtractionPlan? FromCatalog(TableQuery query, IReadOnlyList<SourceColumn> tableColumns, bool isMySql8)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(tableColumns);
        if (!query.SelectsAllColumns || query.HasFilter || tableColumns.Count == 0)
        {
            return null;
        }

        var results = new List<MySqlColumn>(tableColumns.Count);
        foreach (var column in tableColumns)
        {
            if (CatalogColumnTypes.ResultOf(query, column) is not { } result)
            {
                return null;
            }

            results.Add(result);
        }

        var sourceColumns = tableColumns.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
        var columns = results.Select(result => PlanColumn(query, result, sourceColumns, GeometryTextFunction(isMySql8))).ToList();
        CheckNamesAreUnique(query, columns);
        CheckOverridesNameColumns(query, columns);
        return new ExtractionPlan(query, columns, SelectStatement.Build(query, [.. columns.Select(c => c.SelectExpression)]));
    }

    private static async Task<IReadOnlyList<MySqlColumn>> DescribeResultAsync(MySqlConnection connection, TableQuery query, CancellationToken cancellationToken)
    {
        // LIMIT 0 on a line of its own: the server checks the select and where without reading a row, even when the
        // where ends in a line comment.
        var sql = $"SELECT {(query.SelectsAllColumns ? "*" : query.Select!.Trim())}\nFROM {query.QuotedName}{WhereClause(query)}\nLIMIT 0";
        await using var reader = await connection.ExecuteReaderAsync(sql, cancellationToken);
        await reader.ReadRowsAsync(NoRows.Instance, cancellationToken);
        return reader.Columns;
    }

    /// <summary>
    /// MySQL 8 writes geographic coordinates latitude first unless told otherwise; WKT (and BigQuery GEOGRAPHY) is
    /// longitude first. MariaDB and MySQL 5.7 have no options argument and always write x y.
    /// </summary>
    private static Func<string, string> GeometryTextFunction(bool isMySql8)
        => isMySql8 ? static name => $"ST_AsText({name}, 'axis-order=long-lat')" : static name => $"ST_AsText({name})";

    private static ColumnPlan PlanColumn(TableQuery query, MySqlColumn result, IReadOnlyDictionary<string, SourceColumn> sourceColumns, Func<string, string> geometryText)
    {
        var destination = query.ColumnNames.TryGetValue(result.Name, out var rename) ? rename : result.Name;
        if (BigQueryColumnName.Problem(destination) is { } problem)
        {
            throw new SchemaMappingException(query.DisplayName, destination,
                $"the name is not a valid BigQuery column name ({problem}). Give it a valid name: in a workflow, columns: {{ \"{result.Name}\": {{ name: new_name }} }}; with export, an alias in --select.");
        }

        var source = IsFromTable(query, result) && sourceColumns.TryGetValue(result.OriginalName, out var column) ? column : null;
        BigQueryType? requested = query.ColumnTypes.TryGetValue(result.Name, out var type) ? type : null;
        var (bigQueryType, encoding) = query.Types == TypeProfile.Embulk && requested is null
            ? MapAsEmbulk(query, result, source)
            : TypeMapper.Map(query.DisplayName, result, source, requested, query.DateTimes);
        return new ColumnPlan(result, source, new BigQueryField(destination, bigQueryType), encoding, SelectExpression(result, destination, geometryText));
    }

    /// <summary>
    /// How a column is read. The server prints FLOAT rounded to 6 significant digits (16777216 as 1.67772e7), so a
    /// FLOAT is read as DOUBLE, which prints the exact value of the 32-bit float. Geometry is read as WKT.
    /// </summary>
    private static string SelectExpression(MySqlColumn result, string destination, Func<string, string> geometryText)
    {
        var name = SqlIdentifier.Quote(result.Name);
        var alias = SqlIdentifier.Quote(destination);
        return result.Type switch
        {
            ColumnType.Geometry => $"{geometryText(name)} AS {alias}",
            ColumnType.Float => $"CAST({name} AS DOUBLE) AS {alias}",
            _ when destination != result.Name => $"{name} AS {alias}",
            _ => name,
        };
    }

    private static (BigQueryType, Csv.ValueEncoding) MapAsEmbulk(TableQuery query, MySqlColumn result, SourceColumn? source)
        => EmbulkTypes.Map(SourceKindClassifier.Classify(result, source), result)
            ?? throw new SchemaMappingException(query.DisplayName, result.Name,
                $"a {source?.ColumnType.ToUpperInvariant() ?? result.Type.ToString().ToUpperInvariant()} column has no embulk default type (embulk-input-mysql needed column_options for it). Give it a type in the column overrides, for example columns: {{{result.Name}: {{type: STRING}}}}.");

    private static bool IsFromTable(TableQuery query, MySqlColumn result)
        => result.OriginalName.Length > 0 && string.Equals(result.OriginalTable, query.Table, StringComparison.OrdinalIgnoreCase);

    private static void CheckNamesAreUnique(TableQuery query, List<ColumnPlan> columns)
    {
        var duplicate = columns.GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new SchemaMappingException(query.DisplayName, duplicate.Key,
                "the select returns this column name more than once (BigQuery names are case-insensitive). Give the columns distinct aliases.");
        }
    }

    /// <summary>An override for a column the select does not return is a typo, not something to ignore.</summary>
    private static void CheckOverridesNameColumns(TableQuery query, List<ColumnPlan> columns)
    {
        var unknown = query.ColumnTypes.Keys.Concat(query.ColumnNames.Keys)
            .FirstOrDefault(name => !columns.Any(c => string.Equals(c.Result.Name, name, StringComparison.OrdinalIgnoreCase)));
        if (unknown is not null)
        {
            throw new SchemaMappingException(query.DisplayName, unknown,
                $"a column override names this column, but the select returns no such column (it returns: {string.Join(", ", columns.Select(c => c.Result.Name))}).");
        }
    }

    private static string WhereClause(TableQuery query) => query.HasFilter ? $" WHERE {query.Where!.Trim()}\n" : "";

    private sealed class NoRows : ITextRowSink
    {
        public static readonly NoRows Instance = new();

        public void WriteRow(ReadOnlySpan<byte> row)
        {
        }

        public ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
