using BatchSync.Core.Workflows.Diagnostics;
using BatchSync.Core.Workflows.Documents;

namespace BatchSync.Core.Workflows.Loading;

/// <summary>
/// Loads a workflow file: parses the YAML with positions, binds every section, and reports every problem at once.
/// Never throws for a problem in the file; the diagnostics say what and where.
/// </summary>
public static class WorkflowLoader
{
    /// <param name="path">The file, as the user named it; diagnostics repeat this path.</param>
    /// <param name="cancellationToken">Cancels reading the file.</param>
    public static async Task<WorkflowLoadResult> LoadAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        var diagnostics = new DiagnosticBag();
        if (!File.Exists(path))
        {
            diagnostics.Error(DiagnosticCodes.FileNotFound, new SourceLocation(path, 1, 1), "workflow file does not exist");
            return new WorkflowLoadResult(path, null, diagnostics.Items);
        }

        var text = await File.ReadAllTextAsync(path, cancellationToken);
        return Load(text, path, diagnostics);
    }

    /// <summary>Loads workflow text as if read from <paramref name="path"/> (includes resolve against its folder).</summary>
    public static WorkflowLoadResult LoadText(string text, string path) => Load(text, path, new DiagnosticBag());

    private static WorkflowLoadResult Load(string text, string path, DiagnosticBag diagnostics)
    {
        var root = YamlDocumentReader.Read(text, path, diagnostics);
        if (root is null)
        {
            if (!diagnostics.HasErrors)
            {
                diagnostics.Error(DiagnosticCodes.EmptyFile, new SourceLocation(path, 1, 1), "workflow file is empty", "start from workflows/examples/full.yml");
            }

            return new WorkflowLoadResult(path, null, diagnostics.Sorted());
        }

        var workflow = WorkflowReader.Read(root, path, diagnostics);
        return new WorkflowLoadResult(path, diagnostics.HasErrors ? null : workflow, diagnostics.Sorted());
    }
}
