using BatchSync.Core.Schema;

namespace BatchSync.BigQuery.Tables;

/// <summary>
/// How a new schema differs from a table's current one. New columns can be added (as NULLABLE); a changed type or
/// mode, or a column the new schema lacks, cannot be applied without losing or re-interpreting data.
/// </summary>
public sealed record SchemaDiff(IReadOnlyList<BigQueryField> AddedColumns, IReadOnlyList<string> Conflicts)
{
    public bool HasConflicts => Conflicts.Count > 0;

    public static SchemaDiff Compare(BigQueryTableSchema existing, BigQueryTableSchema desired)
    {
        var existingByName = existing.Fields.ToDictionary(field => field.Name, StringComparer.OrdinalIgnoreCase);
        var desiredNames = desired.Fields.Select(field => field.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var added = new List<BigQueryField>();
        var conflicts = new List<string>();
        foreach (var field in desired.Fields)
        {
            if (!existingByName.TryGetValue(field.Name, out var current))
            {
                added.Add(field with { Mode = "NULLABLE" });
                continue;
            }

            if (current.Type != field.Type)
            {
                conflicts.Add($"column {field.Name}: {current.Type.ToApiName()} → {field.Type.ToApiName()}");
            }

            if (!string.Equals(current.Mode, field.Mode, StringComparison.OrdinalIgnoreCase))
            {
                conflicts.Add($"column {field.Name}: mode {current.Mode} → {field.Mode}");
            }
        }

        foreach (var field in existing.Fields.Where(field => !desiredNames.Contains(field.Name)))
        {
            conflicts.Add($"column {field.Name}: in the destination but not in the new schema");
        }

        return new SchemaDiff(added, conflicts);
    }

    /// <summary>The existing columns in their order, followed by the added ones.</summary>
    public BigQueryTableSchema Apply(BigQueryTableSchema existing) => new([.. existing.Fields, .. AddedColumns]);
}
