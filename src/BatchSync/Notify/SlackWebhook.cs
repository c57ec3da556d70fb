using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BatchSync.Core.Workflows.References;

namespace BatchSync.Notify;

/// <summary>
/// Posts to a Slack incoming webhook. Slack answers 200 "ok" on success; 429 (rate limited, with Retry-After in
/// seconds) and 5xx are retried; 400/403/404/410 (invalid_payload, action_prohibited, channel_not_found,
/// channel_is_archived) are final. The webhook URL is a credential: no message or exception names it.
/// </summary>
internal sealed class SlackWebhook(HttpClient http, Func<TimeSpan, CancellationToken, Task> wait)
{
    public const int Attempts = 4;

    /// <summary>A longer Retry-After than this is not waited for: the run job should end, not idle.</summary>
    public static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(60);

    public SlackWebhook()
        : this(new HttpClient { Timeout = TimeSpan.FromSeconds(15) }, Task.Delay)
    {
    }

    /// <exception cref="SlackDeliveryException">Slack did not take the message; the text is safe to log.</exception>
    public async Task PostAsync(SecretValue webhook, JsonObject payload, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(webhook.Reveal(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            throw new SlackDeliveryException("the webhook secret is not an http(s) URL; store the incoming-webhook URL (https://hooks.slack.com/services/…) in it");
        }

        for (var attempt = 1; ; attempt++)
        {
            var (retryAfter, problem) = await TryPostAsync(uri, payload, cancellationToken);
            if (problem is null)
            {
                return;
            }

            if (retryAfter is not { } delay || attempt == Attempts)
            {
                throw new SlackDeliveryException(attempt > 1 ? $"{problem} (after {attempt} attempts)" : problem);
            }

            if (delay > LongestWait)
            {
                throw new SlackDeliveryException($"{problem}; Slack asked to wait {delay.TotalSeconds:0} s, longer than {LongestWait.TotalSeconds:0} s");
            }

            await wait(delay, cancellationToken);
        }
    }

    /// <returns>No problem on success; otherwise what went wrong and, when it is worth retrying, after how long.</returns>
    private async Task<(TimeSpan? RetryAfter, string? Problem)> TryPostAsync(Uri uri, JsonObject payload, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsJsonAsync(uri, payload, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            return (TimeSpan.FromSeconds(2), $"could not reach Slack: {Redact(exception.Message, uri)}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (TimeSpan.FromSeconds(2), "Slack did not answer in time");
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return (null, null);
            }

            var body = Redact((await response.Content.ReadAsStringAsync(cancellationToken)).Trim(), uri);
            var problem = $"Slack answered {(int)response.StatusCode} {(body.Length is > 0 and < 200 ? body : response.ReasonPhrase)}";
            var status = (int)response.StatusCode;
            if (status == 429 || status >= 500)
            {
                return (RetryAfterOf(response) ?? TimeSpan.FromSeconds(1), problem);
            }

            return (null, problem);
        }
    }

    private static TimeSpan? RetryAfterOf(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero,
        _ => null,
    };

    private static string Redact(string text, Uri uri)
        => text.Replace(uri.OriginalString, SecretValue.Redacted, StringComparison.Ordinal).Replace(uri.AbsolutePath, SecretValue.Redacted, StringComparison.Ordinal);
}

/// <summary>A notification Slack did not take. The message never contains the webhook URL.</summary>
internal sealed class SlackDeliveryException(string message) : Exception(message);
