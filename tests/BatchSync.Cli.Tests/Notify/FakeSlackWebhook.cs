using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using BatchSync.Aws.Fake;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BatchSync.Cli.Tests.Notify;

/// <summary>
/// A Slack incoming webhook on 127.0.0.1 that answers as Slack documents: 200 "ok"; 400 invalid_payload for a body that
/// is not a JSON object with text or blocks, or invalid_blocks when the blocks break Block Kit limits (50 blocks, header
/// plain_text ≤ 150, section text ≤ 3000, context ≤ 10 elements); 404 no_service for any other path. Scripted answers
/// (429 with Retry-After, 5xx, 403 …) are served first, one per request.
/// </summary>
internal sealed class FakeSlackWebhook : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _path = $"/services/T0001/B0001/{Guid.NewGuid():N}";

    private FakeSlackWebhook(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";

    /// <summary>Every payload Slack accepted, in order.</summary>
    public ConcurrentQueue<JsonObject> Messages { get; } = new();

    public int Requests => _requests;

    public ConcurrentQueue<(int Status, string Body, string? RetryAfter)> ScriptedAnswers { get; } = new();

    private int _requests;

    public static async Task<FakeSlackWebhook> StartAsync()
    {
        var (fake, root) = await LoopbackWebServer.StartAsync(app => new FakeSlackWebhook(app), f => f.HandleAsync);
        fake.Url = root + fake._path;
        return fake;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        if (context.Request.Method != "POST" || context.Request.Path != _path)
        {
            await AnswerAsync(context, 404, "no_service");
            return;
        }

        if (ScriptedAnswers.TryDequeue(out var scripted))
        {
            if (scripted.RetryAfter is not null)
            {
                context.Response.Headers.RetryAfter = scripted.RetryAfter;
            }

            await AnswerAsync(context, scripted.Status, scripted.Body);
            return;
        }

        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync();
        JsonObject? payload;
        try
        {
            payload = context.Request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) == true ? JsonNode.Parse(text) as JsonObject : null;
        }
        catch (System.Text.Json.JsonException)
        {
            payload = null;
        }

        if (payload is null || (payload["text"] is null && payload["blocks"] is null))
        {
            await AnswerAsync(context, 400, "invalid_payload");
            return;
        }

        if (payload["blocks"] is { } blocks && BlocksProblem(blocks) is { } problem)
        {
            await AnswerAsync(context, 400, "invalid_blocks: " + problem);
            return;
        }

        Messages.Enqueue(payload);
        await AnswerAsync(context, 200, "ok");
    }

    private static string? BlocksProblem(JsonNode blocks)
    {
        if (blocks is not JsonArray array || array.Count > 50)
        {
            return "blocks must be an array of at most 50";
        }

        foreach (var block in array)
        {
            var type = block?["type"]?.GetValue<string>();
            var problem = type switch
            {
                "header" => TextProblem(block!["text"], 150, plainOnly: true),
                "section" => TextProblem(block!["text"], 3000, plainOnly: false),
                "context" => block!["elements"] is JsonArray { Count: > 0 and <= 10 } elements
                    ? elements.Select(e => TextProblem(e, 3000, plainOnly: false)).FirstOrDefault(p => p is not null)
                    : "context needs 1-10 elements",
                "divider" => null,
                _ => $"unknown block type '{type}'",
            };
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    private static string? TextProblem(JsonNode? text, int limit, bool plainOnly)
    {
        var type = text?["type"]?.GetValue<string>();
        var value = text?["text"]?.GetValue<string>();
        if (type is not ("plain_text" or "mrkdwn") || plainOnly && type != "plain_text")
        {
            return $"text object of type '{type}' not allowed here";
        }

        return string.IsNullOrEmpty(value) || value.Length > limit ? $"text must be 1-{limit} characters, was {value?.Length ?? 0}" : null;
    }

    private static async Task AnswerAsync(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html";
        await context.Response.WriteAsync(body);
    }
}
