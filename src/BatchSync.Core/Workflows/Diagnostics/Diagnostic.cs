namespace BatchSync.Core.Workflows.Diagnostics;

/// <summary>
/// One problem found in a workflow file, located like a compiler error. <c>Code</c> is a stable kebab-case identifier
/// (docs/workflow-reference.md lists them); <c>Hint</c> says what to do, when there is something specific to say.
/// </summary>
public sealed record Diagnostic(
    DiagnosticSeverity Severity,
    string Code,
    SourceLocation Location,
    string Message,
    string? Hint = null)
{
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>The compiler-style line: <c>file:line:col: error: message; hint</c>.</summary>
    public override string ToString()
    {
        var severity = Severity == DiagnosticSeverity.Error ? "error" : "warning";
        var text = $"{Location}: {severity}: {Message}";
        return Hint is null ? text : $"{text}; {Hint}";
    }
}
