namespace BatchSync.Core.Runs;

/// <summary>The outcome of one table in a run's report.</summary>
public sealed record TableReport(
    string OutTable,
    string Source,
    TableOutcome Outcome,
    long Rows,
    int Parts,
    long Bytes,
    long CompressedBytes,
    int ItemsDone,
    int ItemsFailed,
    int ItemsPending,
    long? LandedRows = null,
    string? Destination = null,
    string? Watermark = null,
    IReadOnlyList<string>? Errors = null,
    IReadOnlyList<ItemReport>? Items = null);
