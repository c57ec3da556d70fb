using System.Globalization;
using System.Text.RegularExpressions;

namespace BatchSync.MySql.Schema;

/// <summary>
/// Reads table columns from information_schema, including MariaDB's JSON columns (LONGTEXT + json_valid check):
/// for one table, or for every table of a database in one query each (what planning many tables needs).
/// </summary>
public static partial class SourceColumnCatalog
{
    private const string ColumnList = "TABLE_NAME, COLUMN_NAME, DATA_TYPE, COLUMN_TYPE, NUMERIC_PRECISION, NUMERIC_SCALE, DATETIME_PRECISION";

    public static async Task<IReadOnlyDictionary<string, SourceColumn>> ReadAsync(MySqlConnection connection, TableQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(query);
        var table = SqlIdentifier.NameEquals("TABLE_NAME", query.Table);
        var tables = await ReadTablesAsync(
            connection,
            $"{SqlIdentifier.NameEquals("TABLE_SCHEMA", query.Database)} AND {table}",
            $"{SqlIdentifier.NameEquals("CONSTRAINT_SCHEMA", query.Database)} AND {table}",
            cancellationToken);
        var columns = tables.Count == 1 ? tables.Values.Single() : [];
        if (columns.Count == 0)
        {
            throw new SchemaMappingException(await NotFoundMessageAsync(connection, query, cancellationToken));
        }

        return columns.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Every table of <paramref name="database"/> the user can see, with its columns in table order: two queries whatever the table count.</summary>
    public static Task<IReadOnlyDictionary<string, IReadOnlyList<SourceColumn>>> ReadDatabaseAsync(MySqlConnection connection, string database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return ReadTablesAsync(connection, SqlIdentifier.NameEquals("TABLE_SCHEMA", database), SqlIdentifier.NameEquals("CONSTRAINT_SCHEMA", database), cancellationToken);
    }

    private static async Task<IReadOnlyDictionary<string, IReadOnlyList<SourceColumn>>> ReadTablesAsync(
        MySqlConnection connection, string columnFilter, string checkFilter, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync(
            $"SELECT {ColumnList} FROM information_schema.COLUMNS WHERE {columnFilter} ORDER BY TABLE_NAME, ORDINAL_POSITION", cancellationToken);
        var jsonColumns = connection.IsMariaDb && rows.Count > 0 ? await ReadMariaDbJsonColumnsAsync(connection, checkFilter, cancellationToken) : [];
        var tables = new Dictionary<string, IReadOnlyList<SourceColumn>>(StringComparer.Ordinal);
        foreach (var table in rows.GroupBy(row => row[0]!, StringComparer.Ordinal))
        {
            tables[table.Key] = [.. table.Select(row => ToColumn(row, jsonColumns.Contains((table.Key, row[1]!))))];
        }

        return tables;
    }

    private static SourceColumn ToColumn(string?[] row, bool isMariaDbJson)
    {
        var dataType = row[2]!.ToLowerInvariant();
        return new SourceColumn(row[1]!, dataType, row[3]!, ParseNumber(row[4]), ParseNumber(row[5]), ParseNumber(row[6]), dataType == "json" || isMariaDbJson);
    }

    /// <summary>
    /// What to tell a user whose table information_schema does not list. It hides a missing table and a forbidden one
    /// alike; the server's own error for the table (1146 doesn't exist, 1142 command denied) tells which it is.
    /// </summary>
    public static async Task<string> NotFoundMessageAsync(MySqlConnection connection, TableQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(query);
        return $"Table {query.DisplayName} was not found, or the user cannot see it{await ServerSaysAsync(connection, query, cancellationToken)}. Check the database and table names and the user's SELECT privilege.";
    }

    private static async Task<string> ServerSaysAsync(MySqlConnection connection, TableQuery query, CancellationToken cancellationToken)
    {
        try
        {
            await connection.QueryAsync($"SELECT 1 FROM {query.QuotedName} LIMIT 0", cancellationToken);
            return "";
        }
        catch (MySqlServerException exception)
        {
            return $" (MySQL: {exception.Message})";
        }
    }

    /// <summary>MariaDB stores JSON as LONGTEXT with an automatic column-level check <c>json_valid(`col`)</c>.</summary>
    private static async Task<HashSet<(string Table, string Column)>> ReadMariaDbJsonColumnsAsync(MySqlConnection connection, string filter, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync($"SELECT TABLE_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS WHERE {filter}", cancellationToken);
        var names = new HashSet<(string, string)>(TableColumnComparer.Instance);
        foreach (var row in rows)
        {
            var match = JsonValidCheck().Match(row[1] ?? "");
            if (match.Success)
            {
                names.Add((row[0]!, match.Groups["name"].Value.Replace("``", "`", StringComparison.Ordinal)));
            }
        }

        return names;
    }

    private static long? ParseNumber(string? text) => text is null ? null : long.Parse(text, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\s*json_valid\(`(?<name>(?:[^`]|``)+)`\)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex JsonValidCheck();

    /// <summary>Table names compare exactly (they are case-sensitive on most servers), column names ignoring case (as MySQL does).</summary>
    private sealed class TableColumnComparer : IEqualityComparer<(string Table, string Column)>
    {
        public static readonly TableColumnComparer Instance = new();

        public bool Equals((string Table, string Column) x, (string Table, string Column) y)
            => string.Equals(x.Table, y.Table, StringComparison.Ordinal) && string.Equals(x.Column, y.Column, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((string Table, string Column) obj)
            => HashCode.Combine(StringComparer.Ordinal.GetHashCode(obj.Table), StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Column));
    }
}
