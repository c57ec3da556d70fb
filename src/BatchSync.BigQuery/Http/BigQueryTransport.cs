using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using BatchSync.BigQuery.Auth;
using Polly;

namespace BatchSync.BigQuery.Http;

/// <summary>
/// Sends authenticated JSON requests to the BigQuery REST API with retries for transient failures and turns error
/// responses into <see cref="BigQueryException"/>. The bearer token is added per request and never logged.
/// </summary>
public sealed class BigQueryTransport
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient _http;
    private readonly IAccessTokenSource _tokens;
    private readonly ResiliencePipeline _retry;

    public BigQueryTransport(HttpClient http, IAccessTokenSource tokens, Uri apiRoot, RetryOptions retry, TimeProvider timeProvider)
    {
        _http = http;
        _tokens = tokens;
        ApiRoot = apiRoot.AbsoluteUri.EndsWith('/') ? apiRoot : new Uri(apiRoot.AbsoluteUri + "/");
        _retry = RetryPipeline.Create(retry, timeProvider);
        Retry = retry;
        TimeProvider = timeProvider;
    }

    public Uri ApiRoot { get; }

    public RetryOptions Retry { get; }

    /// <summary>The clock for every wait (retry backoff, polling), so tests can drive time.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Sends a JSON request (retried when transient) and returns the parsed response body.</summary>
    /// <exception cref="BigQueryException">BigQuery answered with an error.</exception>
    public async Task<JsonNode?> SendJsonAsync(string operation, HttpMethod method, string relativeUri, JsonNode? body, CancellationToken cancellationToken)
    {
        return await _retry.ExecuteAsync(
            async token =>
            {
                using var request = new HttpRequestMessage(method, new Uri(ApiRoot, relativeUri));
                if (body is not null)
                {
                    request.Content = JsonContent(body);
                }

                using var response = await SendAsync(request, token);
                var text = await response.Content.ReadAsStringAsync(token);
                if (!response.IsSuccessStatusCode)
                {
                    throw ErrorResponse.ToException(operation, response.StatusCode, text);
                }

                return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
            },
            cancellationToken);
    }

    /// <summary>Like <see cref="SendJsonAsync"/>, but a 404 answers null instead of throwing.</summary>
    public async Task<JsonNode?> GetOrNullAsync(string operation, string relativeUri, CancellationToken cancellationToken)
    {
        try
        {
            return await SendJsonAsync(operation, HttpMethod.Get, relativeUri, null, cancellationToken);
        }
        catch (BigQueryException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Sends one request once, with the bearer token; the caller owns retries and the response.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await _tokens.GetAccessTokenAsync(cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
    }

    /// <summary>Executes an operation under the transport's retry policy.</summary>
    public ValueTask<T> RetryAsync<T>(Func<CancellationToken, ValueTask<T>> operation, CancellationToken cancellationToken) =>
        _retry.ExecuteAsync(operation, cancellationToken);

    public static HttpContent JsonContent(JsonNode body)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body.ToJsonString()));
        content.Headers.ContentType = JsonContentType;
        return content;
    }

    public static string Segment(string value) => Uri.EscapeDataString(value);
}
