namespace BatchSync.Core.Runs;

public enum TableOutcome
{
    /// <summary>Every item staged; no destination configured, so nothing was loaded.</summary>
    Staged,

    /// <summary>Committed to the destination.</summary>
    Landed,

    /// <summary>An item failed or never finished: the destination was left as it was.</summary>
    Failed,
}
