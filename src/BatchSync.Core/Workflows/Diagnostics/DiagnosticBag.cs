namespace BatchSync.Core.Workflows.Diagnostics;

/// <summary>Collects every problem of a load instead of stopping at the first, so users fix a file in one pass.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public IReadOnlyList<Diagnostic> Items => _items;

    public bool HasErrors => _items.Exists(d => d.IsError);

    public void Error(string code, SourceLocation location, string message, string? hint = null) =>
        _items.Add(new Diagnostic(DiagnosticSeverity.Error, code, location, message, hint));

    public void Warning(string code, SourceLocation location, string message, string? hint = null) =>
        _items.Add(new Diagnostic(DiagnosticSeverity.Warning, code, location, message, hint));

    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);

    /// <summary>The diagnostics in file order, the way users read them.</summary>
    public IReadOnlyList<Diagnostic> Sorted() =>
        [.. _items
            .Select((d, index) => (d, index))
            .OrderBy(x => x.d.Location.File, StringComparer.Ordinal)
            .ThenBy(x => x.d.Location.Line)
            .ThenBy(x => x.d.Location.Column)
            .ThenBy(x => x.index)
            .Select(x => x.d)];
}
