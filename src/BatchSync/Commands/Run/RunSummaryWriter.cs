using BatchSync.Core.Runs;

namespace BatchSync.Commands.Run;

/// <summary>The closing lines of a run for a person: each table's outcome, what was (not) loaded, where the report is.</summary>
internal static class RunSummaryWriter
{
    public static async Task WriteAsync(RunResult result, IRunDocuments documents, TextWriter output)
    {
        var report = result.Report;
        await RunReportText.WriteTablesAsync(report, output);

        foreach (var laneError in result.Launch.LaneErrors)
        {
            await output.WriteLineAsync($"  {laneError}");
        }

        if (!report.DestinationLoaded)
        {
            var staged = report.Tables.Count(t => t.Outcome == TableOutcome.Staged);
            await output.WriteLineAsync(staged > 0
                ? $"The destination was NOT loaded (destination: {report.Destination}): {staged} of {report.Tables.Count} tables were staged as gzip CSV with schema.json and load.json under {documents.AddressOf(result.Manifest.Layout.RunPrefix)}tables/."
                : $"The destination was NOT loaded (destination: {report.Destination}), and no table was staged.");
        }

        var failed = report.Tables.Count(t => t.Outcome == TableOutcome.Failed);
        await output.WriteLineAsync(failed == 0 && result.Launch.AllLanesCompleted
            ? $"Run {report.RunId} succeeded: {report.Tables.Count} tables, {report.Rows:N0} rows. Report: {documents.AddressOf(result.Manifest.Layout.ReportHtml)}"
            : $"Run {report.RunId} failed: {failed} of {report.Tables.Count} tables did not finish. Fix the cause and run again with --run-id {report.RunId} to redo only what failed. Report: {documents.AddressOf(result.Manifest.Layout.ReportHtml)}");
    }
}
