using BatchSync.Core.Workflows.Diagnostics;

namespace BatchSync.Commands.Import;

/// <summary>What an import noticed: settings that did not map (to act on) and notes (to know), each said once.</summary>
internal sealed class ImportFindings
{
    private readonly List<NotMapped> _notMapped = [];
    private readonly List<string> _notes = [];

    public IReadOnlyList<NotMapped> NotMapped => _notMapped;

    public IReadOnlyList<string> Notes => _notes;

    public void Add(SourceLocation where, string what, string toDo)
    {
        var finding = new NotMapped(where, what, toDo);
        if (!_notMapped.Contains(finding))
        {
            _notMapped.Add(finding);
        }
    }

    public void Note(string note)
    {
        if (!_notes.Contains(note))
        {
            _notes.Add(note);
        }
    }
}
