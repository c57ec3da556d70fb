using System.Text;
using BatchSync.BigQuery.Tables;

namespace BatchSync.BigQuery.Finishing;

/// <summary>
/// Builds the MERGE that upserts the staging table into the destination by key columns. Keys match NULL-safely
/// (<c>=</c> never matches NULL, so a row with a NULL key would be inserted again by every run), and new data with
/// more than one row for a key fails the statement with <see cref="DuplicateKeyMessage"/> before anything changes:
/// BigQuery itself fails only when such rows match a destination row, and inserts them all when none does.
/// </summary>
internal static class MergeStatement
{
    public static string Build(TableId destination, TableId staging, IReadOnlyList<string> columns, IReadOnlyList<string> keyColumns, bool deleteMissing)
    {
        var keys = keyColumns.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var nonKeys = columns.Where(column => !keys.Contains(column)).ToList();
        var sql = new StringBuilder()
            .Append("MERGE INTO ").Append(destination.ToSql()).Append(" AS T\n")
            .Append("USING (SELECT * FROM ").Append(staging.ToSql()).Append(" WHERE TRUE QUALIFY IF(COUNT(*) OVER (PARTITION BY ")
            .Append(string.Join(", ", keyColumns.Select(Quote))).Append(") > 1, ERROR(").Append(StringLiteral(DuplicateKeyMessage(destination, keyColumns))).Append("), TRUE)) AS S\n")
            .Append("ON ").Append(string.Join(" AND ", keyColumns.Select(NullSafeEquals))).Append('\n');
        if (nonKeys.Count > 0)
        {
            sql.Append("WHEN MATCHED THEN UPDATE SET ").Append(string.Join(", ", nonKeys.Select(column => $"{Quote(column)} = S.{Quote(column)}"))).Append('\n');
        }

        sql.Append("WHEN NOT MATCHED THEN INSERT (").Append(string.Join(", ", columns.Select(Quote)))
            .Append(") VALUES (").Append(string.Join(", ", columns.Select(column => $"S.{Quote(column)}"))).Append(')');
        if (deleteMissing)
        {
            sql.Append("\nWHEN NOT MATCHED BY SOURCE THEN DELETE");
        }

        return sql.ToString();
    }

    /// <summary>What the MERGE fails with when the new data holds a key more than once.</summary>
    public static string DuplicateKeyMessage(TableId destination, IReadOnlyList<string> keyColumns) =>
        $"BatchSync: the new data for {destination} has more than one row for one key ({string.Join(", ", keyColumns)}), so mode merge cannot tell which row wins; nothing was merged. Make the table's key unique in the source, or choose key columns that are.";

    public static string Quote(string identifier) =>
        identifier.Contains('`', StringComparison.Ordinal) ? throw new ArgumentException($"Column name '{identifier}' contains a backtick.") : $"`{identifier}`";

    private static string NullSafeEquals(string key) =>
        $"(T.{Quote(key)} = S.{Quote(key)} OR (T.{Quote(key)} IS NULL AND S.{Quote(key)} IS NULL))";

    /// <summary>A GoogleSQL string literal.</summary>
    public static string StringLiteral(string text) =>
        "'" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
}
