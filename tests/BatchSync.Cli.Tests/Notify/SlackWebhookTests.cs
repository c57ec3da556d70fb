using System.Text.Json.Nodes;
using BatchSync.Core.Runs;
using BatchSync.Core.Workflows.References;
using BatchSync.Notify;

namespace BatchSync.Cli.Tests.Notify;

/// <summary>The webhook client against a local receiver that answers as Slack does.</summary>
public sealed class SlackWebhookTests : IAsyncLifetime
{
    private readonly List<TimeSpan> _waits = [];
    private FakeSlackWebhook _slack = null!;

    public async Task InitializeAsync() => _slack = await FakeSlackWebhook.StartAsync();

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    private SlackWebhook Client() => new(new HttpClient(), (delay, _) =>
    {
        _waits.Add(delay);
        return Task.CompletedTask;
    });

    private static JsonObject Payload() => new() { ["text"] = "hello" };

    [Fact]
    public async Task A_rate_limited_post_waits_as_long_as_Retry_After_says_and_is_sent_once()
    {
        _slack.ScriptedAnswers.Enqueue((429, "rate_limited", "7"));
        _slack.ScriptedAnswers.Enqueue((503, "", null));

        await Client().PostAsync(new SecretValue(_slack.Url), Payload(), default);

        Assert.Equal([TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(1)], _waits);
        Assert.Equal(3, _slack.Requests);
        Assert.Single(_slack.Messages);
    }

    [Fact]
    public async Task Server_errors_are_retried_a_bounded_number_of_times_and_the_error_never_names_the_webhook()
    {
        for (var i = 0; i < SlackWebhook.Attempts + 2; i++)
        {
            _slack.ScriptedAnswers.Enqueue((500, $"rollup_error {_slack.Url}", null));
        }

        var error = await Assert.ThrowsAsync<SlackDeliveryException>(() => Client().PostAsync(new SecretValue(_slack.Url), Payload(), default));

        Assert.Equal(SlackWebhook.Attempts, _slack.Requests);
        Assert.Contains("500", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(new Uri(_slack.Url).AbsolutePath, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(404, "channel_not_found")]
    [InlineData(410, "channel_is_archived")]
    [InlineData(403, "action_prohibited")]
    public async Task Final_answers_are_not_retried(int status, string body)
    {
        _slack.ScriptedAnswers.Enqueue((status, body, null));

        var error = await Assert.ThrowsAsync<SlackDeliveryException>(() => Client().PostAsync(new SecretValue(_slack.Url), Payload(), default));

        Assert.Equal(1, _slack.Requests);
        Assert.Empty(_waits);
        Assert.Contains(body, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_webhook_secret_that_is_not_a_URL_fails_without_echoing_it()
    {
        var error = await Assert.ThrowsAsync<SlackDeliveryException>(() => Client().PostAsync(new SecretValue("xoxb-not-a-url-1234"), Payload(), default));

        Assert.DoesNotContain("xoxb", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _slack.Requests);
    }

    [Fact]
    public async Task A_run_with_many_long_failures_still_fits_Block_Kit_limits()
    {
        var failures = Enumerable.Range(0, 40)
            .Select(i => new TableFailureNotice($"table_{i}", RunStep.Load, new string('x', 2000) + " <b>&", 3))
            .ToList();
        var notice = new RunNotice(new string('w', 64), "20261121T180000Z", false, 2, 40, 1234567, TimeSpan.FromMinutes(83), failures, [], "https://example.invalid/report.html?X-Amz-Signature=abc");

        var message = SlackMessage.Build(notice, "<!subteam^S123>");
        await Client().PostAsync(new SecretValue(_slack.Url), message, default);

        var sent = Assert.Single(_slack.Messages);
        Assert.StartsWith("<!subteam^S123> ", sent["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var failureText = sent["blocks"]![2]!["text"]!["text"]!.GetValue<string>();
        Assert.Contains("`table_0` — load: xxx", failureText, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", failureText, StringComparison.Ordinal);
    }
}
