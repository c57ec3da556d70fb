using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using BatchSync.Aws.Signing;
using Polly;
using Polly.Retry;

namespace BatchSync.Aws.Json;

/// <summary>
/// Calls one AWS JSON API: serialises the request, signs it with SigV4, retries transient failures with
/// exponential backoff and jitter, and turns error answers into <see cref="AwsServiceException"/>.
/// </summary>
public sealed class AwsJsonClient
{
    private readonly HttpClient _http;
    private readonly AwsEndpoint _endpoint;
    private readonly AwsJsonProtocol _protocol;
    private readonly string? _targetPrefix;
    private readonly IAwsCredentialSource _credentials;
    private readonly TimeProvider _time;
    private readonly SigV4Signer _signer;
    private readonly ResiliencePipeline _retry;

    public AwsJsonClient(
        HttpClient http, AwsEndpoint endpoint, AwsJsonProtocol protocol, string? targetPrefix, IAwsCredentialSource credentials,
        AwsRetryOptions? retry = null, TimeProvider? time = null)
    {
        retry ??= new AwsRetryOptions();
        retry.Validate();
        if (protocol == AwsJsonProtocol.Json11 && string.IsNullOrEmpty(targetPrefix))
        {
            throw new ArgumentException("The JSON 1.1 protocol needs a target prefix.", nameof(targetPrefix));
        }

        _http = http;
        _endpoint = endpoint;
        _protocol = protocol;
        _targetPrefix = targetPrefix;
        _credentials = credentials;
        _time = time ?? TimeProvider.System;
        _signer = new SigV4Signer(endpoint.Region, endpoint.SigningName);
        _retry = BuildRetry(retry, _time);
    }

    /// <summary>Calls an operation. For JSON 1.1 <paramref name="operationOrPath"/> is the operation name; for REST-JSON the request path.</summary>
    public async Task<JsonObject> CallAsync(string operationOrPath, JsonObject input, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(input.ToJsonString());
        return await _retry.ExecuteAsync(async ct => await SendOnceAsync(operationOrPath, body, ct), cancellationToken);
    }

    /// <summary>
    /// Calls an operation that is not idempotent exactly once: a transient failure may mean AWS did the work and only
    /// the answer was lost, so the caller must find out what happened before it calls again.
    /// </summary>
    public Task<JsonObject> CallOnceAsync(string operationOrPath, JsonObject input, CancellationToken cancellationToken)
        => SendOnceAsync(operationOrPath, Encoding.UTF8.GetBytes(input.ToJsonString()), cancellationToken);

    private async Task<JsonObject> SendOnceAsync(string operationOrPath, byte[] body, CancellationToken cancellationToken)
    {
        using var request = await CreateSignedRequestAsync(operationOrPath, body, cancellationToken);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            throw new AwsServiceException(AwsServiceException.NetworkErrorCode, $"Could not reach {_endpoint.Url.Host}: {exception.Message}", null, exception);
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AwsServiceException(AwsServiceException.NetworkErrorCode, $"{_endpoint.Url.Host} did not answer in time.", null, exception);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw AwsErrorAnswer.ToException(response, text, operationOrPath);
            }

            return (text.Length == 0 ? new JsonObject() : JsonNode.Parse(text) as JsonObject)
                ?? throw new AwsServiceException("BadResponse", $"{operationOrPath} answered with JSON that is not an object.", response.StatusCode);
        }
    }

    private async Task<HttpRequestMessage> CreateSignedRequestAsync(string operationOrPath, byte[] body, CancellationToken cancellationToken)
    {
        var path = _protocol == AwsJsonProtocol.RestJson ? operationOrPath : "/";
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_endpoint.Url, path)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(_protocol == AwsJsonProtocol.Json11 ? "application/x-amz-json-1.1" : "application/json");
        if (_protocol == AwsJsonProtocol.Json11)
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Target", $"{_targetPrefix}.{operationOrPath}");
        }

        var credentials = await _credentials.GetCredentialsAsync(cancellationToken);
        _signer.Sign(request, body, credentials, _time.GetUtcNow());
        return request;
    }

    private static ResiliencePipeline BuildRetry(AwsRetryOptions options, TimeProvider time)
        => new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(options.MaxRetries, 1),
                ShouldHandle = args => ValueTask.FromResult(options.MaxRetries > 0 && args.Outcome.Exception is AwsServiceException { IsTransient: true }),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
            })
            .Build();
}
