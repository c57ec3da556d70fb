using BatchSync.Core.Workflows.Diagnostics;
using BatchSync.Core.Workflows.Model;

namespace BatchSync.Core.Workflows.Loading;

/// <summary>The outcome of loading one file: the workflow when it has no errors, and every diagnostic in file order.</summary>
public sealed record WorkflowLoadResult(string FilePath, WorkflowDefinition? Workflow, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool IsValid => Workflow is not null && !Diagnostics.Any(d => d.IsError);

    public int ErrorCount => Diagnostics.Count(d => d.IsError);

    public int WarningCount => Diagnostics.Count(d => !d.IsError);
}
