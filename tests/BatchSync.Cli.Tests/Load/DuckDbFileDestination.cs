using System.Globalization;
using BatchSync.Core.Load;
using DuckDB.NET.Data;

namespace BatchSync.Cli.Tests.Load;

/// <summary>
/// A DuckDB file in the sandbox folder. Rows are read back with DuckDB's own functions (base64 for BLOB, UTC text
/// for TIMESTAMP WITH TIME ZONE, plain casts otherwise), so the comparison never goes through BatchSync's code.
/// </summary>
internal sealed class DuckDbFileDestination(string folder) : ITestDestination
{
    public const string Schema = "shop";

    public string Path => System.IO.Path.Combine(folder, "shop.duckdb");

    /// <summary>DuckDB names a file's catalog after the file: "shop", like the schema, so queries name both.</summary>
    private static string Catalog => "shop";

    public string WorkflowBlock(string? location) => $"""
          type: duckdb
          path: {Path}
          dataset: {Schema}
        """;

    public IReadOnlyList<IReadOnlyDictionary<string, string?>> Rows(string table)
    {
        using var connection = Open();
        var columns = Query(connection, $"SELECT column_name, data_type FROM duckdb_columns() WHERE schema_name = '{Schema}' AND table_name = '{table}' ORDER BY column_index")
            .Select(row => (Name: row[0]!, Type: row[1]!)).ToList();
        Assert.NotEmpty(columns);
        var select = string.Join(", ", columns.Select(c => AsText(c.Name, c.Type)));
        return [.. Query(connection, $"SELECT {select} FROM \"{Catalog}\".\"{Schema}\".\"{table}\"")
            .Select(values => (IReadOnlyDictionary<string, string?>)columns.Select((c, i) => (c.Name, values[i])).ToDictionary(p => p.Name, p => p.Item2))];
    }

    public bool HasTable(string table)
    {
        if (!File.Exists(Path))
        {
            return false;
        }

        using var connection = Open();
        return Query(connection, $"SELECT 1 FROM duckdb_tables() WHERE schema_name = '{Schema}' AND table_name = '{table}'").Count > 0;
    }

    public IReadOnlyList<string> StagingTables()
    {
        using var connection = Open();
        return [.. Query(connection, $"SELECT table_name FROM duckdb_tables() WHERE table_name LIKE '%{StagingTableName.Marker}%'").Select(row => row[0]!)];
    }

    /// <summary>The landings the file recorded for a run.</summary>
    public IReadOnlyList<string> Landings(string runId)
    {
        using var connection = Open();
        return [.. Query(connection, $"SELECT destination_table || ':' || mode || ':' || rows FROM main.batchsync_landings WHERE run_id = '{runId}' ORDER BY 1").Select(row => row[0]!)];
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static string AsText(string name, string type) => type switch
    {
        "BLOB" => $"to_base64(\"{name}\")",
        "TIMESTAMP WITH TIME ZONE" => $"strftime(timezone('UTC', \"{name}\"), '%Y-%m-%d %H:%M:%S.%f') || 'Z'",
        _ => $"CAST(\"{name}\" AS VARCHAR)",
    };

    private DuckDBConnection Open()
    {
        var connection = new DuckDBConnection($"Data Source={Path}");
        connection.Open();
        return connection;
    }

    private static List<string?[]> Query(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string?[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))]);
        }

        return rows;
    }
}
