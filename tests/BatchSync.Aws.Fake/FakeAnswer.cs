using System.Net;
using System.Text.Json.Nodes;

namespace BatchSync.Aws.Fake;

/// <summary>What the fake answers: a status and a JSON body.</summary>
public sealed record FakeAnswer(HttpStatusCode Status, JsonObject Body)
{
    public static FakeAnswer Ok(JsonObject body) => new(HttpStatusCode.OK, body);

    public static FakeAnswer Error(HttpStatusCode status, string code, string message)
        => new(status, new JsonObject { ["__type"] = code, ["message"] = message });
}
