using BatchSync.Core.Runs;

namespace BatchSync.Core.Finish;

/// <summary>
/// Row counts against the last successful run: a table that went empty, or lost more than half its rows, is flagged,
/// because a source that silently stopped delivering rows is the failure a green run hides.
/// </summary>
public static class RowCountComparison
{
    /// <summary>Below this share of the previous count a table is flagged as dropped.</summary>
    public const double DropThreshold = 0.5;

    public static RunComparison Compare(RunBaseline baseline, RunReport report)
    {
        var tables = report.Tables
            .Where(table => table.Outcome != TableOutcome.Failed)
            .Select(table => Compare(table.OutTable, baseline.Rows.TryGetValue(table.OutTable, out var previous) ? previous : null, table.Rows))
            .ToList();
        return new RunComparison(baseline.RunId, baseline.FinishedAt, tables);
    }

    public static RunBaseline NextBaseline(RunBaseline? previous, RunReport report)
    {
        var rows = new Dictionary<string, long>(previous?.Rows ?? new Dictionary<string, long>(), StringComparer.Ordinal);
        foreach (var table in report.Tables.Where(table => table.Outcome != TableOutcome.Failed))
        {
            rows[table.OutTable] = table.Rows;
        }

        return new RunBaseline(report.RunId, report.FinishedAt, rows);
    }

    private static TableComparison Compare(string table, long? previous, long rows)
    {
        var change = previous switch
        {
            > 0 when rows == 0 => RowChange.Empty,
            > 0 when rows < previous * DropThreshold => RowChange.Dropped,
            _ => RowChange.Normal,
        };
        return new TableComparison(table, previous, rows, change);
    }
}
