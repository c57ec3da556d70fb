namespace BatchSync.Core.Runs;

/// <summary>
/// The slice of an incremental table a run reads: <c>(LowerExclusive, UpperInclusive]</c> of <see cref="Column"/>,
/// captured at plan time. No lower bound means a first, full run; no upper bound means the table had no rows to read.
/// Values are kept as the server printed them so they compare exactly as the server compares them.
/// </summary>
public sealed record IncrementalBounds(string Column, string? LowerExclusive, string? UpperInclusive);
