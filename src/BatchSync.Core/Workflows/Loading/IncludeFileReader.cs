using BatchSync.Core.Workflows.Diagnostics;
using BatchSync.Core.Workflows.Documents;
using BatchSync.Core.Workflows.Model;

namespace BatchSync.Core.Workflows.Loading;

/// <summary>
/// Reads an <c>include:</c>d table list: a JSON or YAML list of table entries in the shape embulk setups keep
/// (table, out_table, dataset, select, where), resolved relative to the including workflow file. Problems inside the
/// list are located in the list's own file.
/// </summary>
internal static class IncludeFileReader
{
    public static IReadOnlyList<(TableSpec Spec, string Where)> Read(ConfigScalar includeValue, string workflowFile, TableContext context, DiagnosticBag diagnostics)
    {
        var path = Path.Combine(Path.GetDirectoryName(workflowFile) ?? string.Empty, includeValue.Value);
        var root = ReadDocument(path, includeValue, diagnostics);
        if (root is null)
        {
            return [];
        }

        if (root is not ConfigSequence list)
        {
            diagnostics.Error(
                DiagnosticCodes.BadInclude,
                root.Location,
                $"an included table list must be a list, found {root.Describe()}",
                "write [ { \"table\": \"...\" }, ... ] (JSON) or a YAML list of '- table: ...' entries");
            return [];
        }

        var tables = new List<(TableSpec, string)>();
        for (var i = 0; i < list.Items.Count; i++)
        {
            var where = $"{path}[{i}]";
            if (list.Items[i] is not ConfigMap entry)
            {
                diagnostics.Error(DiagnosticCodes.WrongType, list.Items[i].Location, $"{where} must be a map with at least 'table', found {list.Items[i].Describe()}");
                continue;
            }

            if (entry.Find("include") is { } nested)
            {
                diagnostics.Error(DiagnosticCodes.BadInclude, nested.Key.Location, $"{where}: an included list cannot include another file", "include every list from the workflow file");
                continue;
            }

            if (TableEntryReader.Read(entry, where, context, diagnostics, included: true) is { } spec)
            {
                tables.Add((spec, where));
            }
        }

        return tables;
    }

    private static ConfigNode? ReadDocument(string path, ConfigScalar includeValue, DiagnosticBag diagnostics)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is not (".json" or ".yml" or ".yaml"))
        {
            diagnostics.Error(DiagnosticCodes.BadInclude, includeValue.Location, $"include '{includeValue.Value}' must be a .json, .yml or .yaml file");
            return null;
        }

        if (!File.Exists(path))
        {
            diagnostics.Error(
                DiagnosticCodes.BadInclude,
                includeValue.Location,
                $"include '{includeValue.Value}' does not exist (looked for {path})",
                "include paths are relative to the workflow file");
            return null;
        }

        var text = File.ReadAllText(path);
        var errorsBefore = diagnostics.Items.Count(d => d.IsError);
        var root = extension == ".json"
            ? JsonDocumentReader.Read(text, path, diagnostics)
            : YamlDocumentReader.Read(text, path, diagnostics);
        if (root is null && diagnostics.Items.Count(d => d.IsError) == errorsBefore)
        {
            diagnostics.Error(DiagnosticCodes.EmptyFile, new SourceLocation(path, 1, 1), "the included table list is empty");
        }

        return root;
    }
}
