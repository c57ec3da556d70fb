using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BatchSync.Aws.Fake;

/// <summary>
/// A strict stand-in for one AWS JSON API on a loopback port. Every request must be a signed POST with the right
/// content type and operation, and its body must match the operation's input shape in the official model; then an
/// operation handler answers, and its answer must match the operation's output shape. Failures answer as AWS does:
/// JSON 1.1 services put the code in the body ({"__type": code, "message": text}); REST-JSON services (Batch) send
/// it in the x-amzn-ErrorType header with only {"message": text} in the body.
/// </summary>
public sealed class AwsJsonFake : IAsyncDisposable
{
    public const string AccessKey = "AKIDFAKEEXAMPLE";
    public const string SecretKey = "fake/secret/key/for/tests";
    public const string Region = "ap-northeast-1";

    private readonly WebApplication _app;
    private readonly AwsApiModel _model;
    private readonly Dictionary<string, Func<JsonObject, FakeAnswer>> _handlers = new(StringComparer.Ordinal);
    private readonly Queue<FakeAnswer> _injectedFailures = new();

    private readonly AwsCredentialsExpected _credentials;

    private AwsJsonFake(WebApplication app, AwsApiModel model, AwsCredentialsExpected credentials)
    {
        _app = app;
        _model = model;
        _credentials = credentials;
    }

    public Uri Url { get; private set; } = null!;

    /// <summary>The fake's notion of "now", for signature expiry; tests may move it.</summary>
    public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;

    /// <summary>Every request that passed the checks, in order: operation and body.</summary>
    public List<(string Operation, JsonObject Body)> Calls { get; } = [];

    /// <summary>Every request rejected before reaching a handler, with the reason.</summary>
    public List<string> Rejections { get; } = [];

    /// <summary>Starts the fake for one service; requests must be signed with the given keys (the defaults above unless told).</summary>
    public static async Task<AwsJsonFake> StartAsync(string endpointPrefix, AwsCredentialsExpected? credentials = null)
    {
        var (fake, root) = await LoopbackWebServer.StartAsync(
            app => new AwsJsonFake(app, AwsApiModel.For(endpointPrefix), credentials ?? new AwsCredentialsExpected(AccessKey, SecretKey, Region)), f => f.HandleAsync);
        fake.Url = new Uri(root + "/");
        return fake;
    }

    public void Handle(string operation, Func<JsonObject, FakeAnswer> handler)
    {
        if (!_model.HasOperation(operation))
        {
            throw new ArgumentException($"'{operation}' is not an operation of this service in the model.", nameof(operation));
        }

        _handlers[operation] = handler;
    }

    /// <summary>The next request(s) answer with this failure before any checks pass to a handler (throttling, faults).</summary>
    public void FailNext(FakeAnswer failure, int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            _injectedFailures.Enqueue(failure);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var answer = Answer(context.Request, body);
        context.Response.StatusCode = (int)answer.Status;
        context.Response.ContentType = _model.TargetPrefix is null ? "application/json" : "application/x-amz-json-1.1";
        var json = answer.Body;
        if (_model.TargetPrefix is null && json["__type"]?.GetValue<string>() is { } code)
        {
            // REST-JSON: the error type travels in the header, the body keeps only the message.
            context.Response.Headers["x-amzn-ErrorType"] = $"{code}:http://internal.amazon.com/coral/com.amazonaws.batch/";
            json = new JsonObject { ["message"] = json["message"]?.DeepClone() };
        }

        await context.Response.WriteAsync(json.ToJsonString());
    }

    private FakeAnswer Answer(HttpRequest request, byte[] body)
    {
        var verifier = new SigV4Verifier(_credentials.AccessKey, _credentials.SecretKey, _credentials.Region, _model.SigningName, () => Now);
        if (verifier.Verify(request, body) is { } signatureProblem)
        {
            return Reject(HttpStatusCode.Forbidden, signatureProblem);
        }

        if (request.Method != "POST")
        {
            return Reject(HttpStatusCode.MethodNotAllowed, "UnknownOperationException: only POST is served");
        }

        var operation = ResolveOperation(request, out var protocolProblem);
        if (operation is null)
        {
            return Reject(HttpStatusCode.BadRequest, protocolProblem!);
        }

        JsonNode? json;
        try
        {
            json = JsonNode.Parse(body);
        }
        catch (System.Text.Json.JsonException exception)
        {
            return Reject(HttpStatusCode.BadRequest, $"SerializationException: {exception.Message}");
        }

        var problems = _model.Validate(operation, json);
        if (problems.Count > 0)
        {
            var code = _model.TargetPrefix is null ? "ClientException" : "ValidationException";
            return Reject(HttpStatusCode.BadRequest, $"{code}: {string.Join("; ", problems)}");
        }

        if (_injectedFailures.TryDequeue(out var failure))
        {
            return failure;
        }

        Calls.Add((operation, (JsonObject)json!));
        if (!_handlers.TryGetValue(operation, out var handler))
        {
            return Reject(HttpStatusCode.NotImplemented, $"NotImplemented: the fake has no handler for {operation}");
        }

        var answer = handler((JsonObject)json!);
        var outputProblems = answer.Status == HttpStatusCode.OK ? _model.ValidateOutput(operation, answer.Body) : [];
        return outputProblems.Count == 0
            ? answer
            : Reject(HttpStatusCode.InternalServerError, $"FakeAnswerOutsideModel: the fake's {operation} answer does not match the model: {string.Join("; ", outputProblems)}");
    }

    private string? ResolveOperation(HttpRequest request, out string? problem)
    {
        problem = null;
        if (_model.TargetPrefix is { } prefix)
        {
            if (request.ContentType != "application/x-amz-json-1.1")
            {
                problem = $"SerializationException: content type must be application/x-amz-json-1.1, not '{request.ContentType}'";
                return null;
            }

            var target = request.Headers["X-Amz-Target"].ToString();
            var operation = target.StartsWith(prefix + ".", StringComparison.Ordinal) ? target[(prefix.Length + 1)..] : null;
            if (operation is null || !_model.HasOperation(operation))
            {
                problem = $"UnknownOperationException: unknown target '{target}'";
                return null;
            }

            return operation;
        }

        if (request.ContentType is not { } type || !type.StartsWith("application/json", StringComparison.Ordinal))
        {
            problem = $"ClientException: content type must be application/json, not '{request.ContentType}'";
            return null;
        }

        var atPath = _model.OperationAtPath(request.Path.Value ?? "");
        problem = atPath is null ? $"UnknownOperationException: no operation at {request.Path}" : null;
        return atPath;
    }

    private FakeAnswer Reject(HttpStatusCode status, string reason)
    {
        Rejections.Add(reason);
        var colon = reason.IndexOf(':', StringComparison.Ordinal);
        return FakeAnswer.Error(status, reason[..colon], reason[(colon + 2)..]);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
