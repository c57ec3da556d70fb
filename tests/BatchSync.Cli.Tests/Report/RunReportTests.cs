using BatchSync.Cli.Tests.Notify;
using BatchSync.Cli.Tests.Run;
using BatchSync.Testing;

namespace BatchSync.Cli.Tests.Report;

/// <summary>
/// The run report of a real local run: per-table numbers, failures with their step, the lane timeline, the comparison
/// with the previous successful run; rendered by headless Chromium, with no secret anywhere in it.
/// </summary>
public sealed class RunReportTests : IAsyncLifetime
{
    private RunSandbox _sandbox = null!;
    private FakeSlackWebhook _slack = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await RunSandbox.CreateAsync();
        _slack = await FakeSlackWebhook.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _slack.DisposeAsync();
        _sandbox.Dispose();
    }

    [Fact]
    public async Task A_failed_run_after_a_good_one_reports_the_failure_the_drops_and_the_lanes_and_renders_in_a_browser()
    {
        var secrets = Path.Combine(_sandbox.Directory, "secrets.json");
        await File.WriteAllTextAsync(secrets, $$"""{ "shop/slack": "{{_slack.Url}}" }""");
        await _sandbox.SqlAsync("""
            CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(50) NOT NULL);
            INSERT INTO customers SELECT seq, CONCAT('customer ', seq) FROM seq_1_to_40;
            CREATE TABLE orders (id BIGINT PRIMARY KEY, total DECIMAL(10,2) NOT NULL);
            INSERT INTO orders SELECT seq, seq / 4 FROM seq_1_to_900;
            CREATE TABLE notes (id INT PRIMARY KEY, body VARCHAR(20));
            INSERT INTO notes SELECT seq, 'note' FROM seq_1_to_12;
            ANALYZE TABLE customers, orders, notes;
            """);
        const string tables = """
              - table: customers
              - table: orders
                chunk: { rows: 300 }
              - table: notes
            """;
        await _sandbox.WriteWorkflowAsync(tables, notify: """{ slack: { webhook: "secret:shop/slack", on: [failure] } }""");
        var first = await _sandbox.RunAsync("--run-id", "report-1", "--secrets", secrets);
        Assert.True(first.ExitCode == 0, first.ToString());

        await _sandbox.SqlAsync("DELETE FROM orders WHERE id > 100; DELETE FROM notes; ANALYZE TABLE orders, notes;");
        await _sandbox.WriteWorkflowAsync(tables + "\n  - table: invoices", notify: """{ slack: { webhook: "secret:shop/slack", on: [failure] } }""");
        var second = await _sandbox.RunAsync("--run-id", "report-2", "--secrets", secrets);
        Assert.True(second.ExitCode == 1, second.ToString());

        var report = _sandbox.ReadJson("report-2", "report.json");
        var byTable = report["tables"]!.AsArray().ToDictionary(t => t!["out_table"]!.GetValue<string>(), t => t!);
        var failure = byTable["invoices"]["failures"]![0]!;
        Assert.Equal("plan", failure["step"]!.GetValue<string>());
        Assert.Contains("doesn't exist", failure["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(100, byTable["orders"]["rows"]!.GetValue<long>());
        Assert.All(byTable["customers"]["items"]!.AsArray(), i => Assert.NotNull(i!["started_at"]));
        Assert.True(byTable["customers"]["seconds"]!.GetValue<double>() >= 0);

        var comparison = report["comparison"]!;
        Assert.Equal("report-1", comparison["previous_run_id"]!.GetValue<string>());
        var changes = comparison["tables"]!.AsArray().ToDictionary(t => t!["out_table"]!.GetValue<string>(), t => (t!["previous_rows"]!.GetValue<long>(), t["rows"]!.GetValue<long>(), t["change"]!.GetValue<string>()));
        Assert.Equal((40L, 40L, "normal"), changes["customers"]);
        Assert.Equal((900L, 100L, "dropped"), changes["orders"]);
        Assert.Equal((12L, 0L, "empty"), changes["notes"]);

        var status = await CliInvocation.RunAsync(["status", "report-2", "--staging", _sandbox.Staging]);
        Assert.Contains("warning: orders: dropped to 100 from 900 rows (previous successful run report-1)", status.Output, StringComparison.Ordinal);
        Assert.Contains("plan: Table", status.Output, StringComparison.Ordinal);

        var message = Assert.Single(_slack.Messages).ToJsonString();
        Assert.Contains("dropped to 100 from 900 rows", message, StringComparison.Ordinal);

        var htmlFile = Path.Combine(_sandbox.RunFolder("report-2"), "report.html");
        var html = await File.ReadAllTextAsync(htmlFile);
        foreach (var document in new[] { html, report.ToJsonString() })
        {
            Assert.DoesNotContain(MariaDbServer.RootPassword, document, StringComparison.Ordinal);
            Assert.DoesNotContain(new Uri(_slack.Url).AbsolutePath, document, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);

        // Tall enough for the whole page, timeline included.
        var image = PngImage.Read(await HeadlessChromium.ScreenshotAsync(htmlFile, 1280, 2000));
        Assert.Equal((1280, 2000), (image.Width, image.Height));
        var background = image[image.Width - 1, image.Height - 1];
        var inked = 0;
        bool banner = false, bar = false;
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var pixel = image[x, y];
                inked += pixel != background ? 1 : 0;
                banner |= Near(pixel, (0xfd, 0xec, 0xea));
                bar |= Near(pixel, (0x4c, 0xaf, 0x50));
            }
        }

        Assert.True(inked > image.Width * image.Height / 50, $"only {inked} pixels differ from the background: the page looks blank");
        Assert.True(banner, "no pixel of the failed-run banner's colour");
        Assert.True(bar, "no pixel of a done item's bar on the lane timeline");
    }

    private static bool Near((byte R, byte G, byte B) pixel, (int R, int G, int B) colour)
        => Math.Abs(pixel.R - colour.R) <= 3 && Math.Abs(pixel.G - colour.G) <= 3 && Math.Abs(pixel.B - colour.B) <= 3;
}
