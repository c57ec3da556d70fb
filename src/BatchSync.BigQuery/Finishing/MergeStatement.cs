using System.Text;
using BatchSync.BigQuery.Tables;

namespace BatchSync.BigQuery.Finishing;

/// <summary>Builds the MERGE that upserts the staging table into the destination by key columns.</summary>
internal static class MergeStatement
{
    public static string Build(TableId destination, TableId staging, IReadOnlyList<string> columns, IReadOnlyList<string> keyColumns, bool deleteMissing)
    {
        var keys = keyColumns.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var nonKeys = columns.Where(column => !keys.Contains(column)).ToList();
        var sql = new StringBuilder()
            .Append("MERGE INTO ").Append(destination.ToSql()).Append(" AS T\n")
            .Append("USING ").Append(staging.ToSql()).Append(" AS S\n")
            .Append("ON ").Append(string.Join(" AND ", keyColumns.Select(key => $"T.{Quote(key)} = S.{Quote(key)}"))).Append('\n');
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

    public static string Quote(string identifier) =>
        identifier.Contains('`', StringComparison.Ordinal) ? throw new ArgumentException($"Column name '{identifier}' contains a backtick.") : $"`{identifier}`";
}
