using BatchSync.Core.Runs;

namespace BatchSync.Core.Load;

/// <summary>
/// A finished table: where it went, how many rows the destination counted, and whether it landed or was only
/// staged (<see cref="TableOutcome.Staged"/>: the stage-only destination wrote its load configuration).
/// </summary>
public sealed record TableLanding(string Destination, long Rows, TableOutcome Outcome = TableOutcome.Landed);
