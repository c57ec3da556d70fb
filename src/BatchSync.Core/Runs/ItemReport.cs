namespace BatchSync.Core.Runs;

/// <summary>
/// One item on the run's lane timeline: when it ran, on which lane, after how many attempts; the rows the planner
/// expected next to the rows it read (null unless the item is done), so skewed chunks show.
/// </summary>
public sealed record ItemReport(
    string Item,
    int Lane,
    ItemState State,
    int Attempts,
    long? Rows,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    long EstimatedRows = 0)
{
    /// <summary>More than one attempt: a transient failure was retried, or an earlier run attempt redid it.</summary>
    public bool Retried => Attempts > 1;
}
