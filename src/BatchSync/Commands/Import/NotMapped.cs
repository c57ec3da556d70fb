using BatchSync.Core.Workflows.Diagnostics;

namespace BatchSync.Commands.Import;

/// <summary>A setting of the old job the import could not carry over: where it was, and what to do about it.</summary>
internal sealed record NotMapped(SourceLocation Where, string What, string ToDo)
{
    public override string ToString() => $"{Where.File}:{Where.Line}: {What}; {ToDo}";
}
