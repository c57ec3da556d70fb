using System.Text.Json;
using System.Text.Json.Nodes;

namespace BatchSync.Aws.Fake;

/// <summary>
/// The compact API model (aws-models.json, derived from the official botocore models by derive-models.py):
/// checks a request body against an operation's input shape the way the service's deserializer would, and a fake's
/// answer against the output shape, so a fake cannot answer what the service never would (or omit what it always sends).
/// </summary>
public sealed class AwsApiModel
{
    private static readonly Lazy<JsonObject> Models = new(Load);

    private readonly JsonObject _service;

    private AwsApiModel(JsonObject service) => _service = service;

    private static JsonObject Load()
    {
        using var stream = typeof(AwsApiModel).Assembly.GetManifestResourceStream("BatchSync.Aws.Fake.aws-models.json")
            ?? throw new InvalidOperationException("aws-models.json is not embedded in the fake's assembly.");
        return (JsonObject)JsonNode.Parse(stream)!;
    }

    public static AwsApiModel For(string endpointPrefix) => new((JsonObject)Models.Value[endpointPrefix]!);

    public string? TargetPrefix => _service["targetPrefix"]?.GetValue<string>();

    public string SigningName => _service["signingName"]!.GetValue<string>();

    /// <summary>The operation served at a REST path (POST /v1/submitjob), or null.</summary>
    public string? OperationAtPath(string path)
        => ((JsonObject)_service["operations"]!).FirstOrDefault(op => string.Equals(op.Value!["requestUri"]!.GetValue<string>(), path, StringComparison.Ordinal)).Key;

    public bool HasOperation(string operation) => ((JsonObject)_service["operations"]!).ContainsKey(operation);

    /// <summary>Returns the problems with a request body for an operation: unknown members, missing required ones, wrong types, bad enum values.</summary>
    public IReadOnlyList<string> Validate(string operation, JsonNode? body)
    {
        var problems = new List<string>();
        var input = _service["operations"]![operation]!["input"]!.GetValue<string>();
        Check(input, body, "", problems);
        return problems;
    }

    /// <summary>Returns the problems with an answer body for an operation, against its output shape.</summary>
    public IReadOnlyList<string> ValidateOutput(string operation, JsonNode? body)
    {
        var problems = new List<string>();
        if (_service["operations"]![operation]!["output"]?.GetValue<string>() is { } output)
        {
            Check(output, body, "", problems);
        }

        return problems;
    }

    private void Check(string shapeName, JsonNode? value, string path, List<string> problems)
    {
        var shape = (JsonObject)_service["shapes"]![shapeName]!;
        var type = shape["type"]!.GetValue<string>();
        var where = path.Length == 0 ? "the body" : path;
        switch (type)
        {
            case "structure":
                if (value is not JsonObject obj)
                {
                    problems.Add($"{where} must be an object");
                    return;
                }

                var members = (JsonObject)shape["members"]!;
                foreach (var (name, member) in obj)
                {
                    if (!members.ContainsKey(name))
                    {
                        problems.Add($"unknown member '{Join(path, name)}'");
                        continue;
                    }

                    Check(members[name]!.GetValue<string>(), member, Join(path, name), problems);
                }

                foreach (var required in shape["required"]?.AsArray() ?? [])
                {
                    if (obj[required!.GetValue<string>()] is null)
                    {
                        problems.Add($"missing required member '{Join(path, required.GetValue<string>())}'");
                    }
                }

                break;
            case "list":
                if (value is not JsonArray array)
                {
                    problems.Add($"{where} must be a list");
                    return;
                }

                CheckLength(shape, array.Count, where, problems);
                for (var i = 0; i < array.Count; i++)
                {
                    Check(shape["member"]!.GetValue<string>(), array[i], $"{path}[{i}]", problems);
                }

                break;
            case "map":
                if (value is not JsonObject map)
                {
                    problems.Add($"{where} must be a map");
                    return;
                }

                foreach (var (_, entry) in map)
                {
                    Check(shape["value"]!.GetValue<string>(), entry, $"{path}{{}}", problems);
                }

                break;
            case "string":
                if (value is not JsonValue text || text.GetValueKind() != JsonValueKind.String)
                {
                    problems.Add($"{where} must be a string");
                    return;
                }

                var s = text.GetValue<string>();
                if (shape["enum"] is JsonArray allowed && !allowed.Any(a => a!.GetValue<string>() == s))
                {
                    problems.Add($"{where} '{s}' is not one of {string.Join(", ", allowed)}");
                }

                CheckLength(shape, s.Length, where, problems);
                break;
            case "integer" or "long":
                if (value is not JsonValue number || number.GetValueKind() != JsonValueKind.Number)
                {
                    problems.Add($"{where} must be a number");
                }

                break;
            case "boolean":
                if (value is not JsonValue flag || flag.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                {
                    problems.Add($"{where} must be true or false");
                }

                break;
            default:
                break;
        }
    }

    private static void CheckLength(JsonObject shape, int length, string where, List<string> problems)
    {
        if (shape["min"] is { } min && length < min.GetValue<int>())
        {
            problems.Add($"{where} is shorter than {min}");
        }

        if (shape["max"] is { } max && length > max.GetValue<long>())
        {
            problems.Add($"{where} is longer than {max}");
        }
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
