using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using BatchSync.Core.Finish;

namespace BatchSync.Notify;

/// <summary>
/// The incoming-webhook payload for a run: Block Kit blocks for the message, and <c>text</c> as the plain fallback
/// Slack shows in notifications and where blocks cannot be drawn. Within Slack's limits: a header's text at most 150
/// characters, a section's at most 3000, at most 50 blocks.
/// </summary>
internal static class SlackMessage
{
    public const int HeaderLimit = 150;
    public const int SectionLimit = 3000;
    public const int FailuresListed = 10;

    public static JsonObject Build(RunNotice notice, string? mention)
    {
        var verdict = notice.Succeeded ? "succeeded" : "failed";
        var headline = $"{(notice.Succeeded ? "✅" : "❌")} {notice.Workflow} {verdict}";
        var prefix = !notice.Succeeded && mention is not null ? mention + " " : "";
        var blocks = new JsonArray
        {
            new JsonObject { ["type"] = "header", ["text"] = PlainText(Cut(headline, HeaderLimit)) },
            Section(prefix + Summary(notice)),
        };
        if (notice.Failures.Count > 0)
        {
            blocks.Add(Section(Failures(notice)));
        }

        if (notice.Flagged.Count > 0)
        {
            blocks.Add(Section("*Row counts to check:* " + string.Join("; ", notice.Flagged.Select(t => $"`{Escape(t.OutTable)}` {RunReportHtml.Change(t)}"))));
        }

        if (notice.ReportLink is { } link)
        {
            blocks.Add(new JsonObject
            {
                ["type"] = "context",
                ["elements"] = new JsonArray(Markdown(link.StartsWith("https://", StringComparison.Ordinal) ? $"<{link}|Run report>" : $"Run report: `{Escape(link)}`")),
            });
        }

        return new JsonObject { ["text"] = Fallback(notice, prefix), ["blocks"] = blocks };
    }

    private static string Summary(RunNotice notice) => string.Create(CultureInfo.InvariantCulture,
        $"Run `{Escape(notice.RunId)}` {(notice.Succeeded ? "succeeded" : "failed")}: {notice.TablesOk} tables ok, {notice.TablesFailed} failed, {notice.Rows:N0} rows in {RunReportHtml.Duration(notice.Duration.TotalSeconds)}.");

    private static string Failures(RunNotice notice)
    {
        var text = new StringBuilder("*Failed:*");
        foreach (var failure in notice.Failures.Take(FailuresListed))
        {
            var what = failure.Table.Length == 0 ? "run" : $"`{Escape(failure.Table)}`";
            var more = failure.Count > 1 ? $" (+{failure.Count - 1} more)" : "";
            text.Append(CultureInfo.InvariantCulture, $"\n• {what} — {failure.Step.ToString().ToLowerInvariant()}: {Escape(failure.Message)}{more}");
        }

        if (notice.Failures.Count > FailuresListed)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n… and {notice.Failures.Count - FailuresListed} more in the report.");
        }

        return text.ToString();
    }

    private static string Fallback(RunNotice notice, string prefix)
    {
        var failed = notice.Failures.Where(f => f.Table.Length > 0).Select(f => f.Table).Take(FailuresListed).ToList();
        var text = $"{prefix}{notice.Workflow} run {notice.RunId} {(notice.Succeeded ? "succeeded" : "failed")}: {notice.TablesOk} tables ok, {notice.TablesFailed} failed, {notice.Rows.ToString("N0", CultureInfo.InvariantCulture)} rows";
        return failed.Count == 0 ? text : $"{text}; failed: {string.Join(", ", failed)}";
    }

    private static JsonObject Section(string markdown) => new() { ["type"] = "section", ["text"] = Markdown(Cut(markdown, SectionLimit)) };

    private static JsonObject Markdown(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };

    private static JsonObject PlainText(string text) => new() { ["type"] = "plain_text", ["text"] = text, ["emoji"] = true };

    private static string Cut(string text, int limit) => text.Length <= limit ? text : text[..(limit - 1)] + "…";

    /// <summary>Slack's mrkdwn treats &amp;, &lt; and &gt; as control characters; everything else is literal.</summary>
    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
