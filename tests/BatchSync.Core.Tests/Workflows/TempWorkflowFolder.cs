using BatchSync.Core.Workflows.Diagnostics;
using BatchSync.Core.Workflows.Loading;

namespace BatchSync.Core.Tests.Workflows;

/// <summary>A throwaway folder holding a workflow file and whatever it includes.</summary>
internal sealed class TempWorkflowFolder : IDisposable
{
    public TempWorkflowFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "batchsync-wf-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(Root, "workflows"));
    }

    public string Root { get; }

    public string WorkflowPath => Path.Combine(Root, "workflows", "shop.yml");

    public string PathOf(string relative) => Path.Combine(Root, "workflows", relative);

    public TempWorkflowFolder With(string relative, string content)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return this;
    }

    public async Task<WorkflowLoadResult> LoadAsync(string workflowYaml)
    {
        With("shop.yml", workflowYaml);
        return await WorkflowLoader.LoadAsync(WorkflowPath, CancellationToken.None);
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);

    /// <summary>Loads <paramref name="yaml"/> as a workflow file of its own (no includes) and returns the result.</summary>
    public static async Task<WorkflowLoadResult> LoadOnlyAsync(string yaml)
    {
        using var folder = new TempWorkflowFolder();
        return await folder.LoadAsync(yaml);
    }
}

internal static class DiagnosticAssertions
{
    public static Diagnostic Single(this WorkflowLoadResult result, string code)
    {
        var matches = result.Diagnostics.Where(d => d.Code == code).ToList();
        Assert.True(matches.Count == 1, $"expected one '{code}' diagnostic, got:\n{string.Join('\n', result.Diagnostics)}");
        return matches[0];
    }

    public static void AssertAt(this Diagnostic diagnostic, int line, int column)
    {
        Assert.True(
            diagnostic.Location.Line == line && diagnostic.Location.Column == column,
            $"expected {line}:{column}, got {diagnostic}");
    }

    public static void AssertNoErrors(this WorkflowLoadResult result) =>
        Assert.True(result.IsValid, "expected a valid workflow, got:\n" + string.Join('\n', result.Diagnostics));
}
