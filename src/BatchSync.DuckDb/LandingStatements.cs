using BatchSync.Core.Runs;
using BatchSync.Core.Workflows.Model;

namespace BatchSync.DuckDb;

/// <summary>
/// The SQL that lands a loaded staging table in its destination per mode. Every statement runs in the one
/// transaction that also loaded staging and records the landing, so a table lands whole or not at all.
/// </summary>
internal static class LandingStatements
{
    public static IReadOnlyList<string> For(ManifestTable table, DuckDbTarget target)
    {
        var staging = DuckDbNames.Quote(target.StagingTable);
        var insert = $"INSERT INTO {target.Sql} BY NAME SELECT * FROM {staging}";
        return table.Mode switch
        {
            LoadMode.Append => [insert],
            LoadMode.Merge => [Merge(table, target, staging)],
            LoadMode.DeleteInAdvance when target.PartitionFilter is { } partition => [$"DELETE FROM {target.Sql} WHERE {partition}", insert],
            _ => [$"DELETE FROM {target.Sql}", insert],
        };
    }

    /// <summary>
    /// Upsert by key. Keys match NULL-safely (IS NOT DISTINCT FROM): a row whose key holds NULL updates the row with
    /// the same NULL key instead of being inserted again on every run. Staging holds each key once (checked before).
    /// </summary>
    private static string Merge(ManifestTable table, DuckDbTarget target, string staging)
    {
        var keys = table.Key.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var columns = table.Schema.Fields.Select(field => DuckDbNames.Quote(field.Name)).ToList();
        var others = table.Schema.Fields.Where(field => !keys.Contains(field.Name)).Select(field => DuckDbNames.Quote(field.Name)).ToList();
        var on = string.Join(" AND ", table.Key.Select(key => $"t.{DuckDbNames.Quote(key)} IS NOT DISTINCT FROM s.{DuckDbNames.Quote(key)}"));
        var sql = $"MERGE INTO {target.Sql} AS t USING {staging} AS s ON ({on})";
        if (others.Count > 0)
        {
            sql += $" WHEN MATCHED THEN UPDATE SET {string.Join(", ", others.Select(column => $"{column} = s.{column}"))}";
        }

        sql += $" WHEN NOT MATCHED THEN INSERT ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(column => $"s.{column}"))})";
        return table.DeleteMissing ? sql + " WHEN NOT MATCHED BY SOURCE THEN DELETE" : sql;
    }
}
