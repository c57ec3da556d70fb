namespace BatchSync.Core.Workflows.Diagnostics;

public enum DiagnosticSeverity
{
    /// <summary>The workflow cannot run as written.</summary>
    Error,

    /// <summary>The workflow runs, but probably not as the author meant.</summary>
    Warning,
}
