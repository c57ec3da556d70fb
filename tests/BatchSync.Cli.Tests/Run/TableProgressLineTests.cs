using BatchSync.Commands.Run;

namespace BatchSync.Cli.Tests.Run;

public class TableProgressLineTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 21, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_line_shows_rows_rate_and_an_eta_from_the_estimate()
    {
        var line = new TableProgressLine("orders", estimatedRows: 1_000, items: 2);
        line.Start("00000", Start);
        line.Progress("00000", rows: 250, bytes: 1_048_576, Start.AddSeconds(10));

        var text = line.Render(Start.AddSeconds(10));

        Assert.Contains("250 rows", text, StringComparison.Ordinal);
        Assert.Contains("1.0 MB", text, StringComparison.Ordinal);
        Assert.Contains("25 rows/s", text, StringComparison.Ordinal);
        Assert.Contains("ETA 0:30", text, StringComparison.Ordinal);
        Assert.Contains("items 0/2", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Finished_and_failed_items_are_counted_and_the_outcome_replaces_the_eta()
    {
        var line = new TableProgressLine("orders", estimatedRows: 1_000, items: 2);
        line.Start("00000", Start);
        line.Start("00001", Start);
        line.Finish("00000", done: true, rows: 500, bytes: 10);
        line.Finish("00001", done: false, rows: 0, bytes: 0);
        line.Outcome = "failed";

        var text = line.Render(Start.AddSeconds(5));

        Assert.Contains("500 rows", text, StringComparison.Ordinal);
        Assert.Contains("items 1/2, 1 failed", text, StringComparison.Ordinal);
        Assert.EndsWith("failed", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Progress_shows_a_stall_when_no_running_item_has_read_a_row_for_30_seconds()
    {
        var line = new TableProgressLine("orders", estimatedRows: 1_000, items: 1);
        line.Start("00000", Start);
        line.Progress("00000", rows: 250, bytes: 1_048_576, Start.AddSeconds(5));
        line.Progress("00000", rows: 250, bytes: 1_048_576, Start.AddSeconds(20));

        var moving = line.Render(Start.AddSeconds(30));
        var stalled = line.Render(Start.AddSeconds(50));

        Assert.DoesNotContain("no rows for", moving, StringComparison.Ordinal);
        Assert.Contains("no rows for 45 s", stalled, StringComparison.Ordinal);
    }

    [Fact]
    public void An_item_loading_what_it_read_is_not_shown_as_a_stall()
    {
        var line = new TableProgressLine("orders", estimatedRows: 1_000, items: 2);
        line.Start("00000", Start);
        line.Progress("00000", rows: 500, bytes: 1_048_576, Start.AddSeconds(5));
        line.Extracted("00000");

        var loading = line.Render(Start.AddSeconds(120));

        Assert.DoesNotContain("no rows for", loading, StringComparison.Ordinal);
    }
}
