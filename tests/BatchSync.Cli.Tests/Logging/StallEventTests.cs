using System.Text.Json.Nodes;
using BatchSync.Core.Runs;
using BatchSync.Core.Schema;
using BatchSync.Core.Work;
using BatchSync.Core.Workflows.Model;
using BatchSync.Logging;

namespace BatchSync.Cli.Tests.Logging;

/// <summary>
/// docs/operations.md, item_stalled / item_resumed: the JSON events (CloudWatch on AWS) show what the terminal shows as
/// "no rows for N s". The clock is the test's: it moves only when the test moves it, and its timers never fire, so the
/// test runs the check the stall timer would run.
/// </summary>
public sealed class StallEventTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 8, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_item_that_reads_no_rows_for_30_seconds_logs_item_stalled_once_and_item_resumed_when_rows_come_again()
    {
        var events = await EventsOfAsync((progress, clock, table, item) =>
        {
            progress.ItemProgressed(table, item, new ExtractionProgress(250, 25_000));
            clock.Advance(TimeSpan.FromSeconds(29));
            progress.CheckForStalls();
            progress.ItemProgressed(table, item, new ExtractionProgress(250, 25_000));
            clock.Advance(TimeSpan.FromSeconds(6));
            progress.CheckForStalls();
            clock.Advance(TimeSpan.FromSeconds(60));
            progress.CheckForStalls();
            progress.ItemProgressed(table, item, new ExtractionProgress(400, 40_000));
            progress.CheckForStalls();
        });

        var stalled = Assert.Single(events, e => e["event"]!.GetValue<string>() == "item_stalled");
        Assert.Equal("Warning", stalled["@l"]!.GetValue<string>());
        Assert.Equal(("shop", "r1", "orders", "00003", 1, 250L, 35L), (stalled["workflow"]!.GetValue<string>(), stalled["run_id"]!.GetValue<string>(), stalled["table"]!.GetValue<string>(), stalled["item"]!.GetValue<string>(), stalled["lane"]!.GetValue<int>(), stalled["rows"]!.GetValue<long>(), stalled["seconds"]!.GetValue<long>()));
        var resumed = Assert.Single(events, e => e["event"]!.GetValue<string>() == "item_resumed");
        Assert.Equal((400L, 95L), (resumed["rows"]!.GetValue<long>(), resumed["seconds"]!.GetValue<long>()));
        Assert.True(events.IndexOf(stalled) < events.IndexOf(resumed));
    }

    [Fact]
    public async Task Each_stall_of_an_item_is_logged_and_an_item_that_finished_reading_is_never_stalled()
    {
        var events = await EventsOfAsync((progress, clock, table, item) =>
        {
            clock.Advance(TimeSpan.FromSeconds(31));
            progress.CheckForStalls();
            progress.ItemProgressed(table, item, new ExtractionProgress(10, 100));
            clock.Advance(TimeSpan.FromSeconds(40));
            progress.CheckForStalls();
            progress.ItemProgressed(table, item, new ExtractionProgress(20, 200));
            progress.ItemExtracted(table, item);
            clock.Advance(TimeSpan.FromMinutes(5));
            progress.CheckForStalls();
        });

        var stalls = events.Where(e => e["event"]!.GetValue<string>() == "item_stalled").ToList();
        Assert.Equal([(0L, 31L), (10L, 40L)], stalls.Select(e => (e["rows"]!.GetValue<long>(), e["seconds"]!.GetValue<long>())));
        Assert.Equal(2, events.Count(e => e["event"]!.GetValue<string>() == "item_resumed"));
    }

    /// <summary>The JSON events of a planned run whose one item has started, after <paramref name="script"/> played on it.</summary>
    private static async Task<List<JsonNode>> EventsOfAsync(Action<LogProgress, ManualClock, ManifestTable, ManifestItem> script)
    {
        var clock = new ManualClock(Start);
        var json = new StringWriter();
        var (manifest, table, item) = OneItem();
        await using (var progress = new LogProgress(CommandLog.Create(json, new StringWriter(), outputIsTerminal: false), clock, TimeSpan.FromSeconds(5)))
        {
            progress.RunPlanned(manifest);
            progress.ItemStarted(table, item, attempt: 1);
            script(progress, clock, table, item);
        }

        return [.. json.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!)];
    }

    private static (RunManifest Manifest, ManifestTable Table, ManifestItem Item) OneItem()
    {
        var item = new ManifestItem("00003", 1, 0, null, null, 1_000, 100_000);
        var table = new ManifestTable(
            "shop", "orders", "orders", "raw", null, "SELECT `id` FROM `shop`.`orders`", null, new BigQueryTableSchema([new BigQueryField("id", BigQueryType.Int64)]),
            LoadMode.Replace, [], null, [], null, new ExtractionSettings(ZeroDatePolicy.Null, DateTimeHandling.DateTime, null, 2, 256), [item]);
        var manifest = new RunManifest("shop", null, "r1", Start, new DateOnly(2026, 12, 8), "/staging", DestinationSummary.StageOnly, 2, [table]);
        return (manifest, table, item);
    }

    /// <summary>Time that moves only when told to; timers made from it never fire.</summary>
    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) => new IdleTimer();

        private sealed class IdleTimer : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => true;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
