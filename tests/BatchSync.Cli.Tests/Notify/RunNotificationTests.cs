using BatchSync.Cli.Tests.Run;

namespace BatchSync.Cli.Tests.Notify;

/// <summary><c>run --local</c> with <c>notify.slack</c>: one message per run, to a local receiver that answers as Slack does.</summary>
public sealed class RunNotificationTests : IAsyncLifetime
{
    private RunSandbox _sandbox = null!;
    private FakeSlackWebhook _slack = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await RunSandbox.CreateAsync();
        _slack = await FakeSlackWebhook.StartAsync();
        await File.WriteAllTextAsync(SecretsFile, $$"""{ "shop/slack": "{{_slack.Url}}" }""");
        await _sandbox.SqlAsync("""
            CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(50) NOT NULL);
            INSERT INTO customers SELECT seq, CONCAT('customer ', seq) FROM seq_1_to_40;
            """);
    }

    public async Task DisposeAsync()
    {
        await _slack.DisposeAsync();
        _sandbox.Dispose();
    }

    private string SecretsFile => Path.Combine(_sandbox.Directory, "secrets.json");

    private static string Slack(string on) => $$"""{ slack: { webhook: "secret:shop/slack", on: {{on}}, mention: "<!subteam^S42>" } }""";

    [Fact]
    public async Task A_run_with_a_missing_table_posts_one_failure_message_naming_the_table_and_the_MySQL_error()
    {
        await _sandbox.WriteWorkflowAsync("""
              - table: customers
              - table: invoices
            """, notify: Slack("[failure]"));

        var result = await _sandbox.RunAsync("--run-id", "notify-fail", "--secrets", SecretsFile);

        Assert.True(result.ExitCode == 1, result.ToString());
        var message = Assert.Single(_slack.Messages);
        var text = Readable(message);
        Assert.StartsWith("<!subteam^S42> shop run notify-fail failed", message["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("`invoices` — plan:", text, StringComparison.Ordinal);
        Assert.Contains("doesn't exist", text, StringComparison.Ordinal);
        Assert.Contains("1 tables ok, 1 failed", text, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(_sandbox.RunFolder("notify-fail"), "report.html"), text, StringComparison.Ordinal);
        AssertWebhookNotLeaked(result, "notify-fail");
    }

    [Fact]
    public async Task A_successful_run_posts_one_success_message_when_asked_and_none_when_only_failures_are()
    {
        await _sandbox.WriteWorkflowAsync("- table: customers", notify: Slack("[success]"));

        var result = await _sandbox.RunAsync("--run-id", "notify-ok", "--secrets", SecretsFile);

        Assert.True(result.ExitCode == 0, result.ToString());
        var message = Assert.Single(_slack.Messages);
        Assert.Equal("shop run notify-ok succeeded: 1 tables ok, 0 failed, 40 rows", message["text"]!.GetValue<string>());
        Assert.Contains("✅ shop succeeded", Readable(message), StringComparison.Ordinal);
        AssertWebhookNotLeaked(result, "notify-ok");

        await _sandbox.WriteWorkflowAsync("- table: customers", notify: Slack("[failure]"));
        var second = await _sandbox.RunAsync("--run-id", "notify-ok-2", "--secrets", SecretsFile);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Single(_slack.Messages);
    }

    [Fact]
    public async Task A_notification_Slack_refuses_is_reported_and_does_not_change_the_exit_code()
    {
        await _sandbox.WriteWorkflowAsync("- table: customers", notify: Slack("[success, failure]"));
        _slack.ScriptedAnswers.Enqueue((410, "channel_is_archived", null));

        var result = await _sandbox.RunAsync("--run-id", "notify-refused", "--secrets", SecretsFile);

        Assert.True(result.ExitCode == 0, result.ToString());
        var warning = result.Output.Split('\n').Where(l => l.Contains("\"notify_failed\"", StringComparison.Ordinal)).Select(l => System.Text.Json.Nodes.JsonNode.Parse(l)!).Single();
        Assert.Equal("Warning", warning["@l"]!.GetValue<string>());
        Assert.Equal("secret:shop/slack", warning["webhook"]!.GetValue<string>());
        Assert.Equal("Slack answered 410 channel_is_archived", warning["error"]!.GetValue<string>());
        Assert.Equal("notify-refused", warning["run_id"]!.GetValue<string>());
        Assert.Empty(_slack.Messages);
        AssertWebhookNotLeaked(result, "notify-refused");
    }

    private static string Readable(System.Text.Json.Nodes.JsonNode message)
        => message.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private void AssertWebhookNotLeaked(CliResult result, string runId)
    {
        var secretPart = new Uri(_slack.Url).AbsolutePath;
        Assert.DoesNotContain(secretPart, result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(secretPart, result.Error, StringComparison.Ordinal);
        foreach (var file in Directory.EnumerateFiles(_sandbox.RunFolder(runId), "*.*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".gz", StringComparison.Ordinal)))
        {
            Assert.DoesNotContain(secretPart, File.ReadAllText(file), StringComparison.Ordinal);
        }
    }
}
