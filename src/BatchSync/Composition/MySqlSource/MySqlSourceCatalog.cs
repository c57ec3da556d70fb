using System.Globalization;
using BatchSync.Core.Planning;
using BatchSync.MySql;
using BatchSync.MySql.Schema;

namespace BatchSync.Composition.MySqlSource;

/// <summary>
/// What the planner learns from MySQL: the exporter's own schema discovery (so plan and lanes agree), estimates from
/// information_schema.TABLES, the primary key's leading column when it is an integer, MIN/MAX for chunking and MAX for incremental bounds.
/// One connection, opened on first use, serves the whole plan.
/// </summary>
internal sealed class MySqlSourceCatalog(MySqlConnectionOptions options) : ISourceCatalog, IAsyncDisposable
{
    private static readonly HashSet<string> IntegerTypes = new(StringComparer.OrdinalIgnoreCase) { "tinyint", "smallint", "mediumint", "int", "bigint" };

    private MySqlConnection? _connection;

    public async Task<SourceTableDescription> DescribeAsync(TablePlanRequest table, CancellationToken cancellationToken)
    {
        var connection = await ConnectAsync(cancellationToken);
        var plan = await AsTableProblem(table, () => SchemaDiscovery.DiscoverAsync(connection, MySqlTableQueries.ForPlanning(table), cancellationToken));
        var estimate = await connection.QueryAsync(
            $"SELECT TABLE_ROWS, DATA_LENGTH FROM information_schema.TABLES WHERE {SqlIdentifier.NameEquals("TABLE_SCHEMA", table.SourceDatabase)} AND {SqlIdentifier.NameEquals("TABLE_NAME", table.SourceTable)}",
            cancellationToken);
        // The primary key's leading column: ranges over it split the table cleanly even when the key is composite.
        var keys = await connection.QueryAsync(
            "SELECT c.COLUMN_NAME, c.DATA_TYPE FROM information_schema.STATISTICS s JOIN information_schema.COLUMNS c"
            + " ON c.TABLE_SCHEMA = s.TABLE_SCHEMA AND c.TABLE_NAME = s.TABLE_NAME AND c.COLUMN_NAME = s.COLUMN_NAME"
            + $" WHERE {SqlIdentifier.NameEquals("s.TABLE_SCHEMA", table.SourceDatabase)} AND {SqlIdentifier.NameEquals("s.TABLE_NAME", table.SourceTable)}"
            + " AND s.INDEX_NAME = 'PRIMARY' AND s.SEQ_IN_INDEX = 1",
            cancellationToken);
        var integerKey = keys.Count == 1 && IntegerTypes.Contains(keys[0][1] ?? "") ? keys[0][0] : null;
        return new SourceTableDescription(plan.Schema, plan.SelectSql, Number(estimate, 0), Number(estimate, 1), integerKey);
    }

    public async Task<KeyRange?> GetKeyRangeAsync(TablePlanRequest table, string column, CancellationToken cancellationToken)
    {
        var connection = await ConnectAsync(cancellationToken);
        var quoted = SqlIdentifier.Quote(column);
        var rows = await AsTableProblem(table, () => connection.QueryAsync(
            $"SELECT MIN({quoted}), MAX({quoted}) FROM {SqlIdentifier.Quote(table.SourceDatabase)}.{SqlIdentifier.Quote(table.SourceTable)}", cancellationToken));
        if (rows[0][0] is not { } min || rows[0][1] is not { } max)
        {
            return null;
        }

        return long.TryParse(min, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var low)
            && long.TryParse(max, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var high)
            ? new KeyRange(low, high)
            : throw new SourceTableException($"Table {table.SourceName}: key {column} ranges over {min}..{max}, beyond what chunking can split (signed 64-bit). Remove 'chunk' for this table.");
    }

    /// <summary>
    /// The optimizer's row estimate for a key range (EXPLAIN: index dives on the primary key, no rows read). A range
    /// that holds no rows is estimated as 0 or 1; that error is far below a chunk's size.
    /// </summary>
    public async Task<long> EstimateRowsAsync(TablePlanRequest table, string column, long lower, Int128 upperExclusive, CancellationToken cancellationToken)
    {
        var connection = await ConnectAsync(cancellationToken);
        var quoted = SqlIdentifier.Quote(column);
        var upper = upperExclusive > long.MaxValue ? "" : $" AND {quoted} < {((long)upperExclusive).ToString(CultureInfo.InvariantCulture)}";
        var rows = await AsTableProblem(table, () => connection.QueryAsync(
            $"EXPLAIN SELECT {quoted} FROM {SqlIdentifier.Quote(table.SourceDatabase)}.{SqlIdentifier.Quote(table.SourceTable)} WHERE {quoted} >= {lower.ToString(CultureInfo.InvariantCulture)}{upper}",
            cancellationToken));
        return rows.Sum(row => long.TryParse(row[EstimateColumn(rows)], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0);
    }

    public async Task<string?> GetMaxAsync(TablePlanRequest table, string column, CancellationToken cancellationToken)
    {
        var connection = await ConnectAsync(cancellationToken);
        var where = string.IsNullOrWhiteSpace(table.Where) ? "" : $" WHERE {table.Where}";
        var rows = await AsTableProblem(table, () => connection.QueryAsync(
            $"SELECT MAX({SqlIdentifier.Quote(column)}) FROM {SqlIdentifier.Quote(table.SourceDatabase)}.{SqlIdentifier.Quote(table.SourceTable)}{where}", cancellationToken));
        return rows[0][0];
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    private async Task<MySqlConnection> ConnectAsync(CancellationToken cancellationToken)
        => _connection ??= await MySqlConnection.OpenAsync(options, cancellationToken);

    /// <summary>A server error about this table (missing table or column, bad SQL in select/where) fails the table, not the run.</summary>
    private static async Task<T> AsTableProblem<T>(TablePlanRequest table, Func<Task<T>> query)
    {
        try
        {
            return await query();
        }
        catch (MySqlServerException exception)
        {
            throw new SourceTableException($"Table {table.SourceName}: {exception.Message}", exception);
        }
        catch (SchemaMappingException exception)
        {
            throw new SourceTableException(exception.Message, exception);
        }
    }

    /// <summary>EXPLAIN's <c>rows</c> column (the 9th in MySQL 5.6/MariaDB, the 10th since MySQL 5.7 added partitions).</summary>
    private static int EstimateColumn(IReadOnlyList<string?[]> rows) => rows.Count > 0 && rows[0].Length >= 12 ? 9 : 8;

    private static long Number(IReadOnlyList<string?[]> rows, int column)
        => rows.Count > 0 && long.TryParse(rows[0][column], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;
}
