using System.Globalization;
using System.Net;
using System.Text;
using BatchSync.Core.Runs;

namespace BatchSync.Core.Finish;

/// <summary>A self-contained HTML page of a run's report (no scripts, no external styles), for a browser or an e-mail.</summary>
public static class RunReportHtml
{
    private const string Style = "body{font-family:system-ui,sans-serif;margin:2em}table{border-collapse:collapse}"
        + "td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}td.n{text-align:right}.failed{color:#b00020}.ok{color:#1b5e20}";

    public static string Render(RunReport report)
    {
        var html = new StringBuilder();
        var verdict = report.Succeeded ? "succeeded" : "failed";
        html.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>{E(report.Workflow)} {E(report.RunId)}: {verdict}</title>
            <style>{Style}</style></head><body>
            <h1>{E(report.Workflow)} <small>{E(report.RunId)}</small></h1>
            <p class="{(report.Succeeded ? "ok" : "failed")}">Run {verdict}: {report.Tables.Count(t => t.Outcome != TableOutcome.Failed)} of {report.Tables.Count} tables ok, {report.Rows:N0} rows.
            {(report.DestinationLoaded ? "" : "No destination configured: tables were staged, not loaded.")}</p>
            <p>Started {report.CreatedAt:u}, finished {report.FinishedAt:u}.</p>
            <table><tr><th>table</th><th>source</th><th>outcome</th><th>rows</th><th>parts</th><th>compressed</th><th>items</th><th>rows per item (estimated → read)</th><th>errors</th></tr>

            """);
        foreach (var table in report.Tables)
        {
            var css = table.Outcome == TableOutcome.Failed ? "failed" : "ok";
            var errors = string.Join("<br>", (table.Errors ?? []).Select(E));
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{E(table.OutTable)}</td><td>{E(table.Source)}</td><td class=\"{css}\">{table.Outcome.ToString().ToLowerInvariant()}</td>" +
                $"<td class=\"n\">{table.Rows:N0}</td><td class=\"n\">{table.Parts}</td><td class=\"n\">{table.CompressedBytes / 1048576.0:N1} MB</td>" +
                $"<td class=\"n\">{table.ItemsDone} done, {table.ItemsFailed} failed, {table.ItemsPending} pending</td><td>{ItemRows(table)}</td><td>{errors}</td></tr>\n");
        }

        html.Append("</table></body></html>\n");
        return html.ToString();
    }

    private static string ItemRows(TableReport table)
    {
        var lines = (table.Items ?? []).Select(item => string.Create(CultureInfo.InvariantCulture,
            $"{E(item.Item)}: {item.EstimatedRows:N0} → {(item.Rows is { } rows ? rows.ToString("N0", CultureInfo.InvariantCulture) : item.State.ToString().ToLowerInvariant())}"));
        return $"<details><summary>{table.Items?.Count ?? 0} items</summary>{string.Join("<br>", lines)}</details>";
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
