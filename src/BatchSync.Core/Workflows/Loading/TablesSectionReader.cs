using BatchSync.Core.Workflows.Diagnostics;
using BatchSync.Core.Workflows.Documents;
using BatchSync.Core.Workflows.Model;

namespace BatchSync.Core.Workflows.Loading;

/// <summary>Reads <c>tables:</c>, expanding includes in place, and rejects two entries landing in the same table.</summary>
internal static class TablesSectionReader
{
    public static IReadOnlyList<TableSpec> Read(MapReader top, string workflowFile, TableContext context)
    {
        if (!top.Has("tables"))
        {
            top.ReportMissing("tables", "list the tables to copy, e.g. tables: [ { table: users } ]");
            return [];
        }

        if (top.Sequence("tables") is not { } list)
        {
            return [];
        }

        var tables = new List<(TableSpec Spec, string Where)>();
        for (var i = 0; i < list.Items.Count; i++)
        {
            tables.AddRange(ReadEntry(list.Items[i], $"tables[{i}]", workflowFile, context, top.Diagnostics));
        }

        if (list.Items.Count == 0)
        {
            top.Diagnostics.Error(DiagnosticCodes.NoTables, list.Location, "tables is empty", "list at least one table");
        }

        RejectDuplicates(tables, context, top.Diagnostics);
        return [.. tables.Select(t => t.Spec)];
    }

    private static IReadOnlyList<(TableSpec, string)> ReadEntry(ConfigNode node, string where, string workflowFile, TableContext context, DiagnosticBag diagnostics)
    {
        if (node is not ConfigMap entry)
        {
            diagnostics.Error(DiagnosticCodes.WrongType, node.Location, $"{where} must be a map such as {{ table: users }} or {{ include: tables.json }}, found {node.Describe()}");
            return [];
        }

        if (entry.Find("include") is null)
        {
            return TableEntryReader.Read(entry, where, context, diagnostics, included: false) is { } spec ? [(spec, where)] : [];
        }

        var map = new MapReader(entry, where, diagnostics, WorkflowKeys.Include);
        return map.Scalar("include") is { } path ? IncludeFileReader.Read(path, workflowFile, context, diagnostics) : [];
    }

    private static void RejectDuplicates(List<(TableSpec Spec, string Where)> tables, TableContext context, DiagnosticBag diagnostics)
    {
        var seen = new Dictionary<string, (TableSpec Spec, string Where)>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            var destination = $"{table.Spec.Dataset ?? context.Destination.Dataset ?? "(no dataset)"}.{table.Spec.OutTable?.Text.Replace("{table}", table.Spec.Table, StringComparison.Ordinal) ?? table.Spec.Table}";
            if (seen.TryGetValue(destination, out var first))
            {
                diagnostics.Error(
                    DiagnosticCodes.DuplicateTable,
                    table.Spec.Location,
                    $"{table.Where} lands in {destination}, like {first.Where} at {first.Spec.Location}",
                    "list each table once, or give one of them another out_table or dataset");
                continue;
            }

            seen.Add(destination, table);
        }
    }
}
