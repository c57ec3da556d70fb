namespace BatchSync.Core.Runs;

/// <summary>
/// One item in a run's report: the rows the planner expected next to the rows it read (null unless the item is done),
/// so skewed chunks show.
/// </summary>
public sealed record ItemReport(string Item, ItemState State, long EstimatedRows, long? Rows);
