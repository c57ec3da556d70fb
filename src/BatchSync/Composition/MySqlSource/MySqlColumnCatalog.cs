using BatchSync.Core.Workflows.Checking;
using BatchSync.Core.Workflows.Model;
using BatchSync.MySql;
using BatchSync.MySql.Schema;

namespace BatchSync.Composition.MySqlSource;

/// <summary>
/// What <c>validate --connect</c> asks MySQL: a table's columns from information_schema.COLUMNS, and whether its
/// select and where run (<c>LIMIT 0</c>: the server checks every name and the syntax, and reads no row).
/// One connection, opened on first use, serves a workflow.
/// </summary>
internal sealed class MySqlColumnCatalog(MySqlConnectionOptions options) : ISourceCatalog, IAsyncDisposable
{
    private MySqlConnection? _connection;

    public async ValueTask<IReadOnlyList<string>?> GetColumnsAsync(WorkflowDefinition workflow, string? database, string table, CancellationToken cancellationToken)
    {
        var connection = await ConnectAsync(cancellationToken);
        var schema = database ?? options.Database;
        var rows = await connection.QueryAsync(
            "SELECT COLUMN_NAME FROM information_schema.COLUMNS"
            + $" WHERE TABLE_SCHEMA = {(schema is null ? "DATABASE()" : SqlIdentifier.Literal(schema))} AND TABLE_NAME = {SqlIdentifier.Literal(table)}"
            + " ORDER BY ORDINAL_POSITION",
            cancellationToken);
        // No columns: the table does not exist, or this user may not see it (information_schema hides both alike).
        return rows.Count == 0 ? null : rows.Select(row => row[0] ?? "").ToList();
    }

    public async ValueTask<string?> CheckQueryAsync(WorkflowDefinition workflow, TablePlanSpec table, CancellationToken cancellationToken)
    {
        var connection = await ConnectAsync(cancellationToken);
        var schema = table.Database ?? options.Database;
        var from = schema is null ? SqlIdentifier.Quote(table.Table) : $"{SqlIdentifier.Quote(schema)}.{SqlIdentifier.Quote(table.Table)}";
        var where = string.IsNullOrWhiteSpace(table.Where) ? "" : $" WHERE ({table.Where})";
        try
        {
            await connection.QueryAsync($"SELECT {table.SelectList} FROM {from}{where} LIMIT 0", cancellationToken);
            return null;
        }
        catch (MySqlServerException exception)
        {
            return exception.Message;
        }
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
}
