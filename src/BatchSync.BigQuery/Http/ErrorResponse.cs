using System.Net;
using System.Text.Json.Nodes;

namespace BatchSync.BigQuery.Http;

/// <summary>Reads Google's JSON error envelope (<c>{"error":{"code","message","errors":[…]}}</c>) and job error protos.</summary>
internal static class ErrorResponse
{
    public static BigQueryException ToException(string operation, HttpStatusCode status, string body)
    {
        JsonNode? error = null;
        try
        {
            error = JsonNode.Parse(body)?["error"];
        }
        catch (System.Text.Json.JsonException)
        {
            // Not JSON (a proxy or load balancer answered): keep the start of the body as the message.
        }

        if (error is null)
        {
            var snippet = body.Length > 300 ? body[..300] + "…" : body;
            return new BigQueryException(operation, status, null, string.IsNullOrWhiteSpace(snippet) ? status.ToString() : snippet, []);
        }

        var errors = ReadErrors(error["errors"] as JsonArray);
        var reason = errors.FirstOrDefault()?.Reason ?? error["status"]?.GetValue<string>();
        return new BigQueryException(operation, status, reason, error["message"]?.GetValue<string>(), errors);
    }

    public static IReadOnlyList<BigQueryError> ReadErrors(JsonArray? array) =>
        array is null ? [] : array.Select(ReadError).ToList();

    public static BigQueryError ReadError(JsonNode? node) =>
        new(node?["reason"]?.GetValue<string>(), node?["location"]?.GetValue<string>(), node?["message"]?.GetValue<string>());
}
