namespace BatchSync.Core.Runs;

/// <summary>
/// The outcome of one table in a run's report. <c>Rows</c> were read from the source (items done); <c>LandedRows</c> is
/// what the destination counted after landing, reconciled against them.
/// </summary>
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
    IReadOnlyList<RunFailure>? Failures = null,
    IReadOnlyList<ItemReport>? Items = null)
{
    /// <summary>From the first item's start to the last item's end, in seconds; null when nothing ran.</summary>
    public double? Seconds
    {
        get
        {
            var starts = (Items ?? []).Select(item => item.StartedAt).OfType<DateTimeOffset>().ToList();
            var ends = (Items ?? []).Select(item => item.FinishedAt).OfType<DateTimeOffset>().ToList();
            return starts.Count == 0 || ends.Count == 0 ? null : Math.Round(Math.Max(0, (ends.Max() - starts.Min()).TotalSeconds), 3);
        }
    }

    /// <summary>Uncompressed CSV megabytes (MiB) per second over <see cref="Seconds"/>.</summary>
    public double? MegabytesPerSecond => Seconds is > 0 and var seconds ? Math.Round(Bytes / 1048576.0 / seconds, 2) : null;
}
