using System.Globalization;
using BatchSync.Core.Finish;
using BatchSync.Core.Runs;

namespace BatchSync.Commands.Run;

/// <summary>A run report on a terminal: what report.html shows, as lines. Used at the end of <c>run</c> and by <c>status</c>.</summary>
internal static class RunReportText
{
    public static async Task WriteTablesAsync(RunReport report, TextWriter output)
    {
        foreach (var table in report.Tables)
        {
            var loaded = table.LandedRows is { } landed ? string.Create(CultureInfo.InvariantCulture, $", {landed:N0} loaded") : "";
            var speed = table.Seconds is { } seconds
                ? string.Create(CultureInfo.InvariantCulture, $" in {RunReportHtml.Duration(seconds)}{(table.MegabytesPerSecond is { } rate ? $" ({rate:N1} MB/s)" : "")}")
                : "";
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  {table.OutTable,-28} {table.Outcome.ToString().ToLowerInvariant(),-7} {table.Rows,12:N0} rows{loaded} in {table.Parts} parts ({table.CompressedBytes / 1048576.0:N1} MB gzip){speed}"));
            foreach (var failure in table.Failures ?? [])
            {
                await output.WriteLineAsync($"      {failure}");
            }
        }

        if (report.Comparison is { } comparison)
        {
            foreach (var flagged in comparison.Flagged)
            {
                await output.WriteLineAsync($"  warning: {flagged.OutTable}: {RunReportHtml.Change(flagged)} (previous successful run {comparison.PreviousRunId})");
            }
        }
    }

    /// <summary>The report in full, as <c>batchsync status RUN</c> prints it.</summary>
    public static async Task WriteAsync(RunReport report, TextWriter output)
    {
        var ok = report.Tables.Count(t => t.Outcome != TableOutcome.Failed);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"run {report.RunId} of {report.Workflow} {(report.Succeeded ? "succeeded" : "failed")}: {ok} of {report.Tables.Count} tables ok, {report.Rows:N0} rows in {RunReportHtml.Duration(report.Seconds)} (started {report.CreatedAt:u}, finished {report.FinishedAt:u})"));
        await WriteTablesAsync(report, output);
        var items = report.Tables.SelectMany(t => (t.Items ?? []).Select(i => (Table: t.OutTable, Item: i))).ToList();
        foreach (var lane in items.GroupBy(x => x.Item.Lane).OrderBy(g => g.Key))
        {
            var steps = lane.OrderBy(x => x.Item.StartedAt).Select(x => x.Item.Retried ? $"{x.Table}/{x.Item.Item} (×{x.Item.Attempts})" : $"{x.Table}/{x.Item.Item}");
            await output.WriteLineAsync($"  lane {lane.Key}: {string.Join(" → ", steps)}");
        }

        foreach (var log in report.LaneLogs ?? [])
        {
            await output.WriteLineAsync($"  lane {log.Lane} log: {log.Url}");
        }
    }
}
