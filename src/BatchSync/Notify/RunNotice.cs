using BatchSync.Core.Runs;

namespace BatchSync.Notify;

/// <summary>What one message about a run says: outcome, counts, duration, each failed table's first error, the report link.</summary>
internal sealed record RunNotice(
    string Workflow,
    string RunId,
    bool Succeeded,
    int TablesOk,
    int TablesFailed,
    long Rows,
    TimeSpan Duration,
    IReadOnlyList<TableFailureNotice> Failures,
    IReadOnlyList<TableComparison> Flagged,
    string? ReportLink)
{
    /// <summary>Longest error text a message carries per table; the report has the rest.</summary>
    public const int MessageLimit = 400;

    public static RunNotice Of(RunResult result, string? reportLink)
    {
        var report = result.Report;
        var failures = report.Tables
            .Where(table => table.Outcome == TableOutcome.Failed)
            .Select(table => table.Failures is { Count: > 0 } list
                ? new TableFailureNotice(table.OutTable, list[0].Step, Trim(list[0].Message), list.Count)
                : new TableFailureNotice(table.OutTable, RunStep.Lane, "did not finish", 1))
            .Concat(result.Launch.LaneErrors.Select(error => new TableFailureNotice("", RunStep.Lane, Trim(error), 1)))
            .ToList();
        return new RunNotice(
            report.Workflow,
            report.RunId,
            result.Succeeded,
            report.Tables.Count(t => t.Outcome != TableOutcome.Failed),
            report.Tables.Count(t => t.Outcome == TableOutcome.Failed),
            report.Rows,
            report.FinishedAt - report.CreatedAt,
            failures,
            report.Comparison?.Flagged.ToList() ?? [],
            reportLink);
    }

    /// <summary>A run that broke off before it could report (an unreachable source or destination, a bad plan).</summary>
    public static RunNotice Aborted(string workflow, string runId, TimeSpan duration, string message)
        => new(workflow, runId, false, 0, 0, 0, duration, [new TableFailureNotice("", RunStep.Plan, Trim(message), 1)], [], null);

    private static string Trim(string message)
    {
        var line = message.ReplaceLineEndings(" ").Trim();
        return line.Length <= MessageLimit ? line : line[..(MessageLimit - 1)] + "…";
    }
}

/// <summary>A failed table's first failure (<c>Table</c> empty: the whole run or a lane); <c>Count</c> is how many it had.</summary>
internal sealed record TableFailureNotice(string Table, RunStep Step, string Message, int Count);
