namespace BatchSync.Core.Runs;

/// <summary>What a run did, written at the end as report.json (and report.html) next to its manifest.</summary>
public sealed record RunReport(
    string Workflow,
    string RunId,
    DateTimeOffset CreatedAt,
    DateTimeOffset FinishedAt,
    string Destination,
    bool DestinationLoaded,
    IReadOnlyList<TableReport> Tables,
    RunComparison? Comparison = null,
    IReadOnlyList<LaneLog>? LaneLogs = null)
{
    public bool Succeeded => Tables.All(table => table.Outcome != TableOutcome.Failed);

    public long Rows => Tables.Sum(table => table.Rows);

    public double Seconds => Math.Round(Math.Max(0, (FinishedAt - CreatedAt).TotalSeconds), 3);
}
