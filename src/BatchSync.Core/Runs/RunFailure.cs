namespace BatchSync.Core.Runs;

/// <summary>One failure of a table in a run: the step, the item when it concerns one, and the source's or destination's own message.</summary>
public sealed record RunFailure(RunStep Step, string Message, string? Item = null)
{
    public override string ToString() => Item is null ? $"{Step.ToString().ToLowerInvariant()}: {Message}" : $"item {Item} ({Step.ToString().ToLowerInvariant()}): {Message}";
}
