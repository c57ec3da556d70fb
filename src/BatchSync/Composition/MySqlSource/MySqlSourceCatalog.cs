using System.Collections.Concurrent;
using System.Globalization;
using BatchSync.Core.Planning;
using BatchSync.Core.Runs;
using BatchSync.Core.Workflows.Model;
using BatchSync.MySql;
using BatchSync.MySql.Schema;

namespace BatchSync.Composition.MySqlSource;

/// <summary>
/// What the planner learns from MySQL: per database, information_schema read once (<see cref="DatabaseCatalog"/>),
/// tables described from it with the exporter's own type mapping (so plan and lanes agree), a LIMIT 0 query only for
/// tables whose select or where the server must check; MIN/MAX for chunking and MAX for incremental bounds.
/// Up to <c>maxConnections</c> connections, opened on demand and reused, serve the plan in parallel.
/// </summary>
internal sealed class MySqlSourceCatalog(MySqlConnectionOptions options, int maxConnections) : ISourceCatalog, IAsyncDisposable
{
    private readonly SemaphoreSlim _slots = new(maxConnections, maxConnections);
    private readonly ConcurrentBag<MySqlConnection> _idle = [];
    private readonly ConcurrentQueue<MySqlConnection> _opened = new();

    public async Task<IReadOnlyList<SourceTableLookup>> DescribeAsync(IReadOnlyList<TablePlanRequest> tables, CancellationToken cancellationToken)
    {
        var catalogs = new ConcurrentDictionary<string, DatabaseCatalog>(StringComparer.Ordinal);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxConnections, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(tables.Select(t => t.SourceDatabase).Distinct(StringComparer.Ordinal), parallel, async (database, token) =>
            catalogs[database] = await UseConnectionAsync(connection => DatabaseCatalog.ReadAsync(connection, database, token), token));

        var lookups = new SourceTableLookup[tables.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, tables.Count), parallel, async (index, token) =>
            lookups[index] = await DescribeTableAsync(tables[index], catalogs[tables[index].SourceDatabase], token));
        return lookups;
    }

    public async Task<KeyRange?> GetKeyRangeAsync(TablePlanRequest table, string column, CancellationToken cancellationToken)
    {
        var quoted = SqlIdentifier.Quote(column);
        var rows = await AsTableProblem(table, () => UseConnectionAsync(connection => connection.QueryAsync(
            $"SELECT MIN({quoted}), MAX({quoted}) FROM {SqlIdentifier.Quote(table.SourceDatabase)}.{SqlIdentifier.Quote(table.SourceTable)}", cancellationToken), cancellationToken));
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
        var quoted = SqlIdentifier.Quote(column);
        var upper = upperExclusive > long.MaxValue ? "" : $" AND {quoted} < {((long)upperExclusive).ToString(CultureInfo.InvariantCulture)}";
        var rows = await AsTableProblem(table, () => UseConnectionAsync(connection => connection.QueryAsync(
            $"EXPLAIN SELECT {quoted} FROM {SqlIdentifier.Quote(table.SourceDatabase)}.{SqlIdentifier.Quote(table.SourceTable)} WHERE {quoted} >= {lower.ToString(CultureInfo.InvariantCulture)}{upper}",
            cancellationToken), cancellationToken));
        return rows.Sum(row => long.TryParse(row[EstimateColumn(rows)], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0);
    }

    public async Task<string?> GetMaxAsync(TablePlanRequest table, string column, CancellationToken cancellationToken)
    {
        var where = string.IsNullOrWhiteSpace(table.Where) ? "" : $" WHERE {table.Where}";
        var rows = await AsTableProblem(table, () => UseConnectionAsync(connection => connection.QueryAsync(
            $"SELECT MAX({SqlIdentifier.Quote(column)}) FROM {SqlIdentifier.Quote(table.SourceDatabase)}.{SqlIdentifier.Quote(table.SourceTable)}{where}", cancellationToken), cancellationToken));
        return rows[0][0];
    }

    public async Task<ColumnRange?> GetRangeAsync(TablePlanRequest table, string column, string? filter, CancellationToken cancellationToken)
    {
        var quoted = SqlIdentifier.Quote(column);
        var rows = await AsTableProblem(table, () => UseConnectionAsync(connection => connection.QueryAsync(
            $"SELECT MIN({quoted}), MAX({quoted}) FROM {SelectedRows(table, filter)}", cancellationToken), cancellationToken));
        return rows[0][0] is { } min && rows[0][1] is { } max ? new ColumnRange(min, max) : null;
    }

    public async Task<long> CountPartitionsAsync(TablePlanRequest table, PartitionSpec partition, string column, string? filter, CancellationToken cancellationToken)
    {
        var quoted = SqlIdentifier.Quote(column);
        var id = partition.Range is { } range
            ? string.Create(CultureInfo.InvariantCulture, $"IF({quoted} < {range.Start} OR {quoted} >= {range.End}, -1, FLOOR(({quoted} - {range.Start}) / {range.Interval}))")
            : partition.Type switch
            {
                TimePartitionType.Hour => $"DATE_FORMAT({quoted}, '%Y%m%d%H')",
                TimePartitionType.Month => $"DATE_FORMAT({quoted}, '%Y%m')",
                TimePartitionType.Year => $"YEAR({quoted})",
                _ => $"DATE({quoted})",
            };
        var rows = await AsTableProblem(table, () => UseConnectionAsync(connection => connection.QueryAsync(
            $"SELECT COUNT(DISTINCT {id}) FROM {SelectedRows(table, filter)}", cancellationToken), cancellationToken));
        return long.Parse(rows[0][0] ?? "0", NumberStyles.None, CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        while (_opened.TryDequeue(out var connection))
        {
            await connection.DisposeAsync();
        }

        _slots.Dispose();
    }

    private async Task<SourceTableLookup> DescribeTableAsync(TablePlanRequest table, DatabaseCatalog catalog, CancellationToken cancellationToken)
    {
        var query = MySqlTableQueries.ForPlanning(table);
        if (catalog.ColumnsOf(table.SourceTable) is not { } columns)
        {
            return SourceTableLookup.Failed(
                await UseConnectionAsync(connection => SourceColumnCatalog.NotFoundMessageAsync(connection, query, cancellationToken), cancellationToken));
        }

        try
        {
            var plan = SchemaDiscovery.FromCatalog(query, columns, catalog.IsMySql8)
                ?? await UseConnectionAsync(
                    connection => SchemaDiscovery.DiscoverAsync(connection, query, columns.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase), cancellationToken),
                    cancellationToken);
            var (rows, bytes) = catalog.EstimateOf(table.SourceTable);
            return SourceTableLookup.Found(new SourceTableDescription(
                plan.Schema,
                plan.SelectSql,
                rows,
                bytes,
                catalog.IntegerKeyOf(table.SourceTable),
                [.. plan.Columns.Select(c => new ManifestColumn(c.Name, c.Encoding.ToString(), c.SelectExpression))]));
        }
        catch (MySqlServerException exception)
        {
            return SourceTableLookup.Failed($"Table {table.SourceName}: {exception.Message}");
        }
        catch (SchemaMappingException exception)
        {
            return SourceTableLookup.Failed(exception.Message);
        }
    }

    /// <summary>The rows of the table's select that <paramref name="filter"/> selects, as a derived table (MySQL merges it into the outer query).</summary>
    private static string SelectedRows(TablePlanRequest table, string? filter)
    {
        var where = string.IsNullOrWhiteSpace(filter) ? "" : $" WHERE {filter}";
        var select = string.IsNullOrWhiteSpace(table.Select) ? "*" : table.Select;
        return $"(SELECT {select} FROM {SqlIdentifier.Quote(table.SourceDatabase)}.{SqlIdentifier.Quote(table.SourceTable)}{where}) AS batchsync_rows";
    }

    /// <summary>Runs on an idle connection (or a new one, up to the cap); a connection a failure broke is not reused.</summary>
    private async Task<T> UseConnectionAsync<T>(Func<MySqlConnection, Task<T>> query, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        MySqlConnection? connection = null;
        try
        {
            if (!_idle.TryTake(out connection))
            {
                connection = await MySqlConnection.OpenAsync(options, cancellationToken);
                _opened.Enqueue(connection);
            }

            return await query(connection);
        }
        finally
        {
            if (connection is { IsUsable: true })
            {
                _idle.Add(connection);
            }

            _slots.Release();
        }
    }

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
    }

    /// <summary>EXPLAIN's <c>rows</c> column (the 9th in MySQL 5.6/MariaDB, the 10th since MySQL 5.7 added partitions).</summary>
    private static int EstimateColumn(IReadOnlyList<string?[]> rows) => rows.Count > 0 && rows[0].Length >= 12 ? 9 : 8;
}
