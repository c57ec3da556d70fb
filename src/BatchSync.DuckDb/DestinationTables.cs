using System.Data.Common;
using BatchSync.Core.Schema;

namespace BatchSync.DuckDb;

/// <summary>
/// Makes the destination table fit the run's schema, inside the caller's transaction: creates the schema and the
/// table when missing, adds new columns (schema evolution, as BigQuery does), and refuses a column whose type
/// changed or that the source no longer has — the same rules as BigQuery, so both destinations accept the same runs.
/// </summary>
internal static class DestinationTables
{
    public static async Task EnsureAsync(DbConnection connection, DuckDbTarget target, BigQueryTableSchema schema, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync($"CREATE SCHEMA IF NOT EXISTS {DuckDbNames.Catalog}.{target.SchemaSql}", cancellationToken);
        var existing = await ColumnsAsync(connection, target, cancellationToken);
        if (existing.Count == 0)
        {
            var columns = string.Join(", ", schema.Fields.Select(field => $"{DuckDbNames.Quote(field.Name)} {DuckDbTypes.Of(field.Type)}"));
            await connection.ExecuteAsync($"CREATE TABLE {target.Sql} ({columns})", cancellationToken);
            return;
        }

        var conflicts = Conflicts(existing, schema);
        if (conflicts.Count > 0)
        {
            throw new DuckDbSchemaConflictException(
                $"Table {target} in the DuckDB file does not fit the source any more: {string.Join("; ", conflicts)}. "
                + "A column's type cannot change and a column cannot disappear in place: migrate or drop the table, or map the column to its old type (columns: {name: {type: ...}}).");
        }

        foreach (var field in schema.Fields.Where(field => !existing.ContainsKey(field.Name)))
        {
            await connection.ExecuteAsync($"ALTER TABLE {target.Sql} ADD COLUMN {DuckDbNames.Quote(field.Name)} {DuckDbTypes.Of(field.Type)}", cancellationToken);
        }
    }

    private static List<string> Conflicts(Dictionary<string, string> existing, BigQueryTableSchema schema)
    {
        var conflicts = new List<string>();
        var wanted = schema.Fields.ToDictionary(field => field.Name, field => DuckDbTypes.Of(field.Type), StringComparer.OrdinalIgnoreCase);
        foreach (var (name, type) in existing)
        {
            if (!wanted.TryGetValue(name, out var wantedType))
            {
                conflicts.Add($"column {name} ({type}) is not in the source");
            }
            else if (!string.Equals(type, wantedType, StringComparison.OrdinalIgnoreCase))
            {
                conflicts.Add($"column {name}: {type} → {wantedType}");
            }
        }

        return conflicts;
    }

    private static async Task<Dictionary<string, string>> ColumnsAsync(DbConnection connection, DuckDbTarget target, CancellationToken cancellationToken)
    {
        var columns = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT column_name, data_type FROM duckdb_columns() WHERE database_name = {DuckDbNames.Literal(DuckDbNames.Catalog)} AND schema_name = {DuckDbNames.Literal(target.Schema)} AND table_name = {DuckDbNames.Literal(target.Table)} AND NOT internal ORDER BY column_index";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            columns[reader.GetString(0)] = reader.GetString(1);
        }

        return columns;
    }
}
