using BatchSync.Core.Finish;
using BatchSync.Core.Runs;

namespace BatchSync.Core.Tests.Finish;

public class RunReportHtmlTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 21, 18, 0, 0, TimeSpan.Zero);

    private static TableReport Table(string name, TableOutcome outcome, long rows, params ItemReport[] items)
        => new(name, "shop." + name, outcome, rows, 1, rows * 100, rows * 20, items.Count(i => i.State == ItemState.Done), items.Count(i => i.State == ItemState.Failed), 0, Items: items);

    private static ItemReport Item(string id, int lane, int fromSecond, int toSecond, int attempts = 1, ItemState state = ItemState.Done)
        => new(id, lane, state, attempts, 10, Start.AddSeconds(fromSecond), Start.AddSeconds(toSecond));

    [Fact]
    public void The_timeline_places_items_on_their_lane_by_time_and_marks_retries()
    {
        var report = new RunReport("shop", "r1", Start, Start.AddSeconds(100), "bigquery", true, [
            Table("orders", TableOutcome.Landed, 20, Item("00000", 0, 0, 50), Item("00001", 1, 50, 100, attempts: 3)),
        ]);

        var html = RunReportHtml.Render(report);

        Assert.Contains("<b>lane 0</b>", html, StringComparison.Ordinal);
        Assert.Contains("class=\"bar done\" style=\"left:0%;width:50%\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"bar done retried\" style=\"left:50%;width:50%\"", html, StringComparison.Ordinal);
        Assert.Contains("orders 00001 &#215;3", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Failures_show_their_step_and_every_text_is_escaped()
    {
        var table = Table("<orders>", TableOutcome.Failed, 0) with { Failures = [new RunFailure(RunStep.Load, "bad <script>alert(1)</script> & more", "00002")] };
        var report = new RunReport("shop", "r1", Start, Start.AddSeconds(5), "bigquery", true, [table]);

        var html = RunReportHtml.Render(report);

        Assert.Contains("<td>&lt;orders&gt;</td><td class=\"failed\">load</td><td>00002</td><td>bad &lt;script&gt;alert(1)&lt;/script&gt; &amp; more</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Row_counts_are_flagged_when_a_table_empties_or_loses_more_than_half()
    {
        var baseline = new RunBaseline("r0", Start.AddDays(-1), new Dictionary<string, long> { ["a"] = 100, ["b"] = 100, ["c"] = 100, ["d"] = 0 });
        var report = new RunReport("shop", "r1", Start, Start, "none", false, [
            Table("a", TableOutcome.Staged, 0), Table("b", TableOutcome.Staged, 49), Table("c", TableOutcome.Staged, 50),
            Table("d", TableOutcome.Staged, 0), Table("e", TableOutcome.Staged, 7), Table("f", TableOutcome.Failed, 0),
        ]);

        var comparison = RowCountComparison.Compare(baseline, report);

        Assert.Equal(
            [("a", RowChange.Empty), ("b", RowChange.Dropped), ("c", RowChange.Normal), ("d", RowChange.Normal), ("e", RowChange.Normal)],
            comparison.Tables.Select(t => (t.OutTable, t.Change)));
        Assert.Null(comparison.Tables.Single(t => t.OutTable == "e").PreviousRows);
        var next = RowCountComparison.NextBaseline(baseline, report);
        Assert.Equal(("r1", 0L, 7L, 100L), (next.RunId, next.Rows["a"], next.Rows["e"], baseline.Rows["a"]));
        Assert.False(next.Rows.ContainsKey("f"));
    }
}
