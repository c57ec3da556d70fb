using System.Globalization;
using BatchSync.MySql;
using BatchSync.MySql.Schema;

namespace BatchSync.Composition.MySqlSource;

/// <summary>
/// What information_schema says about every table of one database, read in one query per view (COLUMNS, MariaDB's
/// CHECK_CONSTRAINTS, TABLES, STATISTICS) and grouped here: planning 500 tables costs the same round trips as one.
/// </summary>
internal sealed class DatabaseCatalog
{
    private static readonly HashSet<string> IntegerTypes = new(StringComparer.OrdinalIgnoreCase) { "tinyint", "smallint", "mediumint", "int", "bigint" };

    private readonly IReadOnlyDictionary<string, IReadOnlyList<SourceColumn>> _columns;
    private readonly Dictionary<string, (long Rows, long Bytes)> _estimates;
    private readonly Dictionary<string, string> _keyLeads;

    private DatabaseCatalog(
        bool isMySql8, IReadOnlyDictionary<string, IReadOnlyList<SourceColumn>> columns, Dictionary<string, (long Rows, long Bytes)> estimates, Dictionary<string, string> keyLeads)
    {
        IsMySql8 = isMySql8;
        _columns = columns;
        _estimates = estimates;
        _keyLeads = keyLeads;
    }

    public static async Task<DatabaseCatalog> ReadAsync(MySqlConnection connection, string database, CancellationToken cancellationToken)
    {
        var columns = await SourceColumnCatalog.ReadDatabaseAsync(connection, database, cancellationToken);
        var schema = SqlIdentifier.NameEquals("TABLE_SCHEMA", database);
        var estimates = await connection.QueryAsync($"SELECT TABLE_NAME, TABLE_ROWS, DATA_LENGTH FROM information_schema.TABLES WHERE {schema}", cancellationToken);
        // The primary key's leading column: ranges over it split a table cleanly even when the key is composite.
        var keys = await connection.QueryAsync(
            $"SELECT TABLE_NAME, COLUMN_NAME FROM information_schema.STATISTICS WHERE {schema} AND INDEX_NAME = 'PRIMARY' AND SEQ_IN_INDEX = 1",
            cancellationToken);
        return new DatabaseCatalog(
            connection.IsMySql8,
            columns,
            estimates.ToDictionary(row => row[0]!, row => (Number(row[1]), Number(row[2])), StringComparer.Ordinal),
            keys.ToDictionary(row => row[0]!, row => row[1]!, StringComparer.Ordinal));
    }

    /// <summary>The server's flavour, which decides how a plan reads geometry.</summary>
    public bool IsMySql8 { get; }

    /// <summary>The table's columns in table order, or null when the user cannot see such a table.</summary>
    public IReadOnlyList<SourceColumn>? ColumnsOf(string table) => Find(_columns, table);

    public (long Rows, long Bytes) EstimateOf(string table) => _estimates.TryGetValue(NameOf(table), out var estimate) ? estimate : (0, 0);

    /// <summary>The primary key's leading column when it is an integer (what chunking splits by); otherwise null.</summary>
    public string? IntegerKeyOf(string table)
    {
        if (!_keyLeads.TryGetValue(NameOf(table), out var lead) || ColumnsOf(table) is not { } columns)
        {
            return null;
        }

        var column = columns.FirstOrDefault(c => string.Equals(c.Name, lead, StringComparison.OrdinalIgnoreCase));
        return column is not null && IntegerTypes.Contains(column.DataType) ? column.Name : null;
    }

    /// <summary>The name as the server stores it: exact, else the one table whose name differs only in case (lower_case_table_names).</summary>
    private string NameOf(string table)
    {
        if (_columns.ContainsKey(table))
        {
            return table;
        }

        var matches = _columns.Keys.Where(name => string.Equals(name, table, StringComparison.OrdinalIgnoreCase)).Take(2).ToList();
        return matches.Count == 1 ? matches[0] : table;
    }

    private T? Find<T>(IReadOnlyDictionary<string, T> byTable, string table)
        where T : class
        => byTable.TryGetValue(NameOf(table), out var value) ? value : null;

    private static long Number(string? text)
        => long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;
}
