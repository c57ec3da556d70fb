using BatchSync.Core.Workflows.Diagnostics;
using BatchSync.Core.Workflows.Loading;

namespace BatchSync.Commands.Validate;

/// <summary>The outcome of validating several files: per file, its load result plus any source-check findings.</summary>
internal sealed record ValidationReport(IReadOnlyList<FileValidation> Files)
{
    public bool IsValid => Files.All(f => f.IsValid);

    public int ErrorCount => Files.Sum(f => f.Diagnostics.Count(d => d.IsError));

    public int WarningCount => Files.Sum(f => f.Diagnostics.Count(d => !d.IsError));

    public int ValidCount => Files.Count(f => f.IsValid);

    /// <summary>The summary line: how many files, how many valid, errors and warnings.</summary>
    public string Summary()
    {
        static string Plural(int n, string word) => n == 1 ? $"{n} {word}" : $"{n} {word}s";
        var invalid = Files.Count - ValidCount;
        return $"{Plural(Files.Count, "workflow file")} checked: {ValidCount} valid, {invalid} invalid ({Plural(ErrorCount, "error")}, {Plural(WarningCount, "warning")})";
    }
}

internal sealed record FileValidation(WorkflowLoadResult Load, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool IsValid => Load.Workflow is not null && !Diagnostics.Any(d => d.IsError);
}
