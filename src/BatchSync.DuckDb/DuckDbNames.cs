namespace BatchSync.DuckDb;

/// <summary>Identifiers and literals as DuckDB SQL text: always quoted, so any name a workflow accepts is safe.</summary>
internal static class DuckDbNames
{
    /// <summary>
    /// The name the destination file is attached under. Names are always written catalog.schema.table: a file's
    /// default catalog is its file name, which would make a schema of the same name ambiguous (shop.duckdb, dataset shop).
    /// </summary>
    public const string Catalog = "batchsync_destination";

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
