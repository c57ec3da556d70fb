using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BatchSync.Aws.Fake;

/// <summary>
/// The container credentials endpoint a task role's credentials come from (ECS/Fargate: 169.254.170.2 plus
/// AWS_CONTAINER_CREDENTIALS_RELATIVE_URI; elsewhere AWS_CONTAINER_CREDENTIALS_FULL_URI with
/// AWS_CONTAINER_AUTHORIZATION_TOKEN). Every request gets a new, temporary key set, the way the role's credentials
/// rotate; a request without the authorization token gets 401.
/// </summary>
public sealed class FakeContainerCredentials : IAsyncDisposable
{
    public const string RoleArn = "arn:aws:iam::123456789012:role/batchsync-work";
    public const string CredentialsPath = "/v2/credentials/8f0e1c2d-task";

    private readonly WebApplication _app;
    private readonly Lock _sync = new();
    private readonly List<IssuedAwsCredentials> _issued = [];

    private FakeContainerCredentials(WebApplication app, string authorizationToken)
    {
        _app = app;
        AuthorizationToken = authorizationToken;
    }

    public string AuthorizationToken { get; }

    public Uri FullUri { get; private set; } = null!;

    /// <summary>How long each issued key set is valid (the real endpoint hands out hours; tests shorten it).</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Requests refused for a missing or wrong authorization token.</summary>
    public int Refused { get; private set; }

    public IReadOnlyList<IssuedAwsCredentials> Issued
    {
        get
        {
            lock (_sync)
            {
                return [.. _issued];
            }
        }
    }

    public static async Task<FakeContainerCredentials> StartAsync()
    {
        var (fake, root) = await LoopbackWebServer.StartAsync(
            app => new FakeContainerCredentials(app, "container-auth-" + Guid.NewGuid().ToString("N")[..12]), f => f.HandleAsync);
        fake.FullUri = new Uri(root + CredentialsPath);
        return fake;
    }

    /// <summary>The key set issued with <paramref name="accessKey"/>, or null.</summary>
    public IssuedAwsCredentials? Find(string accessKey)
    {
        lock (_sync)
        {
            return _issued.FirstOrDefault(c => c.AccessKey == accessKey);
        }
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        if (context.Request.Method != "GET" || context.Request.Path != CredentialsPath)
        {
            context.Response.StatusCode = 404;
            return;
        }

        if (context.Request.Headers.Authorization.ToString() != AuthorizationToken)
        {
            lock (_sync)
            {
                Refused++;
            }

            context.Response.StatusCode = 401;
            return;
        }

        IssuedAwsCredentials credentials;
        lock (_sync)
        {
            var n = _issued.Count + 1;
            credentials = new IssuedAwsCredentials(
                $"ASIAFAKE{n:D12}",
                $"secret-{n}-{Guid.NewGuid():N}",
                $"session-{n}-{Guid.NewGuid():N}",
                DateTimeOffset.UtcNow + Lifetime);
            _issued.Add(credentials);
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(new JsonObject
        {
            ["RoleArn"] = RoleArn,
            ["AccessKeyId"] = credentials.AccessKey,
            ["SecretAccessKey"] = credentials.SecretKey,
            ["Token"] = credentials.SessionToken,
            ["Expiration"] = credentials.Expiration.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        }.ToJsonString());
    }
}

/// <summary>One temporary key set the container credentials endpoint handed out.</summary>
public sealed record IssuedAwsCredentials(string AccessKey, string SecretKey, string SessionToken, DateTimeOffset Expiration);
