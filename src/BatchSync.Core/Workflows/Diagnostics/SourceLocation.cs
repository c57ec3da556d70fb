namespace BatchSync.Core.Workflows.Diagnostics;

/// <summary>A position in a workflow (or included) file; line and column start at 1.</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}
