using System.Globalization;
using System.Text.RegularExpressions;

namespace BatchSync.MySql.Schema;

/// <summary>Reads a table's columns from information_schema, including MariaDB's JSON columns (LONGTEXT + json_valid check).</summary>
internal static partial class SourceColumnCatalog
{
    public static async Task<IReadOnlyDictionary<string, SourceColumn>> ReadAsync(MySqlConnection connection, TableQuery query, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync(
            "SELECT COLUMN_NAME, DATA_TYPE, COLUMN_TYPE, NUMERIC_PRECISION, NUMERIC_SCALE, DATETIME_PRECISION " +
            "FROM information_schema.COLUMNS " +
            $"WHERE {SqlIdentifier.NameEquals("TABLE_SCHEMA", query.Database)} AND {SqlIdentifier.NameEquals("TABLE_NAME", query.Table)} " +
            "ORDER BY ORDINAL_POSITION", cancellationToken);
        if (rows.Count == 0)
        {
            throw new SchemaMappingException(
                $"Table {query.DisplayName} was not found, or the user cannot see it{await ServerSaysAsync(connection, query, cancellationToken)}. Check the database and table names and the user's SELECT privilege.");
        }

        var jsonColumns = connection.IsMariaDb ? await ReadMariaDbJsonColumnsAsync(connection, query, cancellationToken) : [];
        var columns = new Dictionary<string, SourceColumn>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            var name = row[0]!;
            var dataType = row[1]!.ToLowerInvariant();
            columns[name] = new SourceColumn(name, dataType, row[2]!, ParseNumber(row[3]), ParseNumber(row[4]), ParseNumber(row[5]),
                dataType == "json" || jsonColumns.Contains(name));
        }

        return columns;
    }

    /// <summary>
    /// information_schema hides a missing table and a forbidden one alike; the server's own error for the table
    /// (1146 doesn't exist, 1142 command denied) tells the user which it is.
    /// </summary>
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
    private static async Task<HashSet<string>> ReadMariaDbJsonColumnsAsync(MySqlConnection connection, TableQuery query, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync(
            "SELECT CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS " +
            $"WHERE {SqlIdentifier.NameEquals("CONSTRAINT_SCHEMA", query.Database)} AND {SqlIdentifier.NameEquals("TABLE_NAME", query.Table)}", cancellationToken);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            var match = JsonValidCheck().Match(row[0] ?? "");
            if (match.Success)
            {
                names.Add(match.Groups["name"].Value.Replace("``", "`", StringComparison.Ordinal));
            }
        }

        return names;
    }

    private static long? ParseNumber(string? text) => text is null ? null : long.Parse(text, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\s*json_valid\(`(?<name>(?:[^`]|``)+)`\)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex JsonValidCheck();
}
