using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace BatchSync.BigQuery.Fake;

/// <summary>A request the dispatcher matched: its route values, JSON body and raw body bytes.</summary>
internal sealed record FakeRequest(HttpContext Context, IReadOnlyDictionary<string, string> Route, byte[] Body)
{
    public string this[string name] => Route[name];

    public JsonNode? Json()
    {
        if (Body.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(Body);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw GoogleErrorException.Invalid($"Invalid JSON payload received. {ex.Message}");
        }
    }

    public string? Query(string name) => Context.Request.Query.TryGetValue(name, out var value) ? value.ToString() : null;
}

/// <summary>What a handler answers: a status, an optional JSON body and headers.</summary>
internal sealed record FakeResponse(int Status, JsonNode? Body = null, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static FakeResponse Ok(JsonNode body) => new(200, body);
}
