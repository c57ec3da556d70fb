using System.Globalization;
using System.Net;
using System.Text;
using BatchSync.Core.Runs;

namespace BatchSync.Core.Finish;

/// <summary>
/// A self-contained HTML page of a run's report (no scripts, no external styles or fonts), for a browser or an e-mail:
/// the verdict, failures with their step, per-table numbers, a lane timeline and the comparison with the last good run.
/// </summary>
public static class RunReportHtml
{
    private const string Style = """
        body{font-family:system-ui,sans-serif;margin:2em;color:#1d1d1f}h1 small{color:#666;font-weight:normal}
        h2{margin-top:1.6em;font-size:1.15em}table{border-collapse:collapse}
        td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}td.n{text-align:right;font-variant-numeric:tabular-nums}
        .failed{color:#b00020}.ok{color:#1b5e20}.warn{color:#8a5300}
        .verdict{padding:.8em 1em;border-radius:6px;font-size:1.1em}.verdict.ok{background:#e8f5e9}.verdict.failed{background:#fdecea}
        .flags{background:#fff4e5;padding:.6em 1em;border-radius:6px}
        .lane{display:flex;align-items:center;margin:.25em 0}.lane b{width:5em;font-weight:normal}
        .track{position:relative;flex:1;height:1.6em;background:#f2f2f2;border-radius:3px}
        .bar{position:absolute;top:.15em;height:1.3em;border-radius:3px;background:#4caf50;color:#fff;font-size:.75em;overflow:hidden;white-space:nowrap;padding-left:.3em;box-sizing:border-box}
        .bar.failed{background:#d32f2f;color:#fff}.bar.pending,.bar.running{background:#9e9e9e}.bar.retried{border:2px dashed #ff9800}
        """;

    public static string Render(RunReport report)
    {
        var html = new StringBuilder();
        var verdict = report.Succeeded ? "succeeded" : "failed";
        var css = report.Succeeded ? "ok" : "failed";
        var ok = report.Tables.Count(t => t.Outcome != TableOutcome.Failed);
        html.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>{E(report.Workflow)} {E(report.RunId)}: {verdict}</title>
            <style>{Style}</style></head><body>
            <h1>{E(report.Workflow)} <small>{E(report.RunId)}</small></h1>
            <p class="verdict {css}">Run {verdict}: {ok} of {report.Tables.Count} tables ok, {report.Rows:N0} rows in {Duration(report.Seconds)}.
            {(report.DestinationLoaded ? "" : "No destination configured: tables were staged, not loaded.")}</p>
            <p>Started {report.CreatedAt:u}, finished {report.FinishedAt:u}. Destination: {E(report.Destination)}.</p>

            """);
        AppendFlags(html, report);
        AppendFailures(html, report);
        AppendTables(html, report);
        AppendTimeline(html, report);
        AppendComparison(html, report);
        AppendLaneLogs(html, report);
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static void AppendFlags(StringBuilder html, RunReport report)
    {
        if (report.Comparison is not { } comparison || !comparison.Flagged.Any())
        {
            return;
        }

        html.Append("<div class=\"flags warn\"><b>Row counts to check</b> (against ").Append(E(comparison.PreviousRunId)).Append("):<ul>");
        foreach (var table in comparison.Flagged)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li>{E(table.OutTable)}: {Change(table)}</li>");
        }

        html.Append("</ul></div>\n");
    }

    private static void AppendFailures(StringBuilder html, RunReport report)
    {
        var failed = report.Tables.Where(t => t.Failures is { Count: > 0 }).ToList();
        if (failed.Count == 0)
        {
            return;
        }

        html.Append("<h2>Failures</h2><table><tr><th>table</th><th>step</th><th>item</th><th>message</th></tr>\n");
        foreach (var table in failed)
        {
            foreach (var failure in table.Failures!)
            {
                html.Append(CultureInfo.InvariantCulture,
                    $"<tr><td>{E(table.OutTable)}</td><td class=\"failed\">{Lower(failure.Step)}</td><td>{E(failure.Item ?? "")}</td><td>{E(failure.Message)}</td></tr>\n");
            }
        }

        html.Append("</table>\n");
    }

    private static void AppendTables(StringBuilder html, RunReport report)
    {
        html.Append("<h2>Tables</h2><table><tr><th>table</th><th>source</th><th>outcome</th><th>rows read</th><th>rows loaded</th>"
            + "<th>parts</th><th>CSV MB</th><th>gzip MB</th><th>time</th><th>MB/s</th><th>items</th><th>rows per item (estimated → read)</th></tr>\n");
        foreach (var table in report.Tables)
        {
            var css = table.Outcome == TableOutcome.Failed ? "failed" : "ok";
            var loaded = table.LandedRows is { } landed
                ? landed == table.Rows ? landed.ToString("N0", CultureInfo.InvariantCulture) : $"<span class=\"failed\">{landed:N0}</span>"
                : "—";
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{E(table.OutTable)}</td><td>{E(table.Source)}</td><td class=\"{css}\">{Lower(table.Outcome)}</td>"
                + $"<td class=\"n\">{table.Rows:N0}</td><td class=\"n\">{loaded}</td><td class=\"n\">{table.Parts}</td>"
                + $"<td class=\"n\">{table.Bytes / 1048576.0:N1}</td><td class=\"n\">{table.CompressedBytes / 1048576.0:N1}</td>"
                + $"<td class=\"n\">{(table.Seconds is { } s ? Duration(s) : "—")}</td><td class=\"n\">{(table.MegabytesPerSecond is { } rate ? rate.ToString("N1", CultureInfo.InvariantCulture) : "—")}</td>"
                + $"<td class=\"n\">{table.ItemsDone} done, {table.ItemsFailed} failed, {table.ItemsPending} pending</td><td>{ItemRows(table)}</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static string ItemRows(TableReport table)
    {
        var lines = (table.Items ?? []).Select(item => string.Create(CultureInfo.InvariantCulture,
            $"{E(item.Item)}: {item.EstimatedRows:N0} → {(item.State == ItemState.Done && item.Rows is { } rows ? rows.ToString("N0", CultureInfo.InvariantCulture) : Lower(item.State))}"));
        return $"<details><summary>{table.Items?.Count ?? 0} items</summary>{string.Join("<br>", lines)}</details>";
    }

    /// <summary>One track per lane; each item a bar placed by its start and end within the run.</summary>
    private static void AppendTimeline(StringBuilder html, RunReport report)
    {
        var items = report.Tables.SelectMany(t => (t.Items ?? []).Select(i => (Table: t.OutTable, Item: i)))
            .Where(x => x.Item.StartedAt is not null)
            .ToList();
        if (items.Count == 0)
        {
            return;
        }

        var start = items.Min(x => x.Item.StartedAt!.Value);
        var end = items.Max(x => x.Item.FinishedAt ?? x.Item.StartedAt!.Value);
        var span = Math.Max((end - start).TotalSeconds, 0.001);
        html.Append(CultureInfo.InvariantCulture, $"<h2>Lane timeline</h2><p>{Duration((end - start).TotalSeconds)} from the first item's start; dashed: retried.</p>\n");
        foreach (var lane in items.GroupBy(x => x.Item.Lane).OrderBy(g => g.Key))
        {
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"lane\"><b>lane {lane.Key}</b><div class=\"track\">");
            foreach (var (table, item) in lane)
            {
                var left = (item.StartedAt!.Value - start).TotalSeconds / span * 100;
                var width = Math.Max(((item.FinishedAt ?? item.StartedAt.Value) - item.StartedAt.Value).TotalSeconds / span * 100, 0.5);
                var classes = Lower(item.State) + (item.Retried ? " retried" : "");
                var label = $"{table} {item.Item}" + (item.Retried ? $" ×{item.Attempts}" : "");
                var title = $"{table} item {item.Item}: {Lower(item.State)}, {item.Rows ?? 0:N0} rows, attempt {item.Attempts}";
                html.Append(CultureInfo.InvariantCulture,
                    $"<div class=\"bar {classes}\" style=\"left:{left:0.##}%;width:{Math.Min(width, 100 - left):0.##}%\" title=\"{E(title)}\">{E(label)}</div>");
            }

            html.Append("</div></div>\n");
        }
    }

    private static void AppendComparison(StringBuilder html, RunReport report)
    {
        if (report.Comparison is not { } comparison)
        {
            return;
        }

        html.Append(CultureInfo.InvariantCulture, $"<h2>Compared with the last successful run</h2><p>{E(comparison.PreviousRunId)}, finished {comparison.PreviousFinishedAt:u}.</p>");
        html.Append("<table><tr><th>table</th><th>previous rows</th><th>rows</th><th>change</th></tr>\n");
        foreach (var table in comparison.Tables)
        {
            var css = table.Change == RowChange.Normal ? "" : " class=\"warn\"";
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{E(table.OutTable)}</td><td class=\"n\">{(table.PreviousRows is { } p ? p.ToString("N0", CultureInfo.InvariantCulture) : "new")}</td><td class=\"n\">{table.Rows:N0}</td><td{css}>{Change(table)}</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void AppendLaneLogs(StringBuilder html, RunReport report)
    {
        if (report.LaneLogs is not { Count: > 0 } logs)
        {
            return;
        }

        html.Append("<h2>Logs</h2><ul>");
        foreach (var log in logs)
        {
            html.Append("<li><a href=\"").Append(E(log.Url)).Append("\">lane ").Append(log.Lane.ToString(CultureInfo.InvariantCulture)).Append("</a></li>");
        }

        html.Append("</ul>\n");
    }

    /// <summary>A table's row change in words, as the report and <c>batchsync status</c> print it.</summary>
    public static string Change(TableComparison table) => table switch
    {
        { PreviousRows: null } => "new table",
        { Change: RowChange.Empty } => $"empty (was {table.PreviousRows:N0} rows)",
        { Change: RowChange.Dropped } => $"dropped to {table.Rows:N0} from {table.PreviousRows:N0} rows",
        _ => table.Rows == table.PreviousRows ? "same" : $"{(table.Rows - table.PreviousRows!.Value):+#,0;-#,0} rows",
    };

    public static string Duration(double seconds) => seconds switch
    {
        < 10 => string.Create(CultureInfo.InvariantCulture, $"{seconds:0.##} s"),
        < 60 => string.Create(CultureInfo.InvariantCulture, $"{seconds:0.#} s"),
        < 3600 => string.Create(CultureInfo.InvariantCulture, $"{Math.Floor(seconds / 60):0} min {seconds % 60:0} s"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Math.Floor(seconds / 3600):0} h {Math.Floor(seconds % 3600 / 60):0} min"),
    };

    private static string Lower<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
