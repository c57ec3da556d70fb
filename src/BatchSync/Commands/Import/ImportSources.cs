using BatchSync.Core.Workflows.Diagnostics;
using BatchSync.Core.Workflows.Documents;

namespace BatchSync.Commands.Import;

/// <summary>Reads the old job's files (YAML, digdag, liquid, JSON lists) into positioned nodes.</summary>
internal static class ImportSources
{
    /// <summary>An embulk config: liquid rewritten into <c>${…}</c> first, when the file is a liquid template.</summary>
    public static ConfigMap ReadEmbulkConfig(string path, ImportFindings findings)
    {
        var text = File.ReadAllText(path);
        if (path.EndsWith(".liquid", StringComparison.OrdinalIgnoreCase) || text.Contains("{{", StringComparison.Ordinal))
        {
            text = LiquidText.Rewrite(text, path, findings);
        }

        return ReadMap(text, path);
    }

    /// <summary>A digdag file: <c>!include : FILE</c> keys are read as <c>__include__</c> entries.</summary>
    public static ConfigMap ReadDigdag(string path)
        => ReadMap(File.ReadAllText(path).Replace("!include :", "__include__:", StringComparison.Ordinal), path);

    /// <summary>A JSON (comments and trailing commas allowed) or YAML document.</summary>
    public static ConfigNode ReadDocument(string path)
    {
        var diagnostics = new DiagnosticBag();
        var text = File.ReadAllText(path);
        var node = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            ? JsonDocumentReader.Read(text, path, diagnostics)
            : YamlDocumentReader.Read(text, path, diagnostics);
        return diagnostics.HasErrors || node is null
            ? throw new ImportException(diagnostics.Items.FirstOrDefault(d => d.IsError)?.ToString() ?? $"{path} is empty.")
            : node;
    }

    private static ConfigMap ReadMap(string text, string path)
    {
        var diagnostics = new DiagnosticBag();
        var node = YamlDocumentReader.Read(text, path, diagnostics);
        if (diagnostics.HasErrors)
        {
            throw new ImportException(diagnostics.Items.First(d => d.IsError).ToString());
        }

        return node as ConfigMap ?? throw new ImportException($"{path} is not a map of settings.");
    }
}
