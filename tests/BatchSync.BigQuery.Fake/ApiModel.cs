using System.Text.Json;
using System.Text.Json.Nodes;

namespace BatchSync.BigQuery.Fake;

/// <summary>
/// The facts of BigQuery's Discovery document the fake checks requests against (see bigquery-model.json and
/// generate-model.py): member names, JSON types, enum values and members documented as required.
/// </summary>
internal sealed class ApiModel
{
    private static readonly Lazy<ApiModel> Instance = new(() => new ApiModel(ReadEmbeddedModel()));

    private readonly JsonObject _schemas;

    private ApiModel(JsonNode model)
    {
        _schemas = model["schemas"]!.AsObject();
        Methods = model["methods"]!.AsObject().ToDictionary(pair => pair.Key, pair => pair.Value!);
    }

    public static ApiModel Load() => Instance.Value;

    private static JsonNode ReadEmbeddedModel()
    {
        using var stream = typeof(ApiModel).Assembly.GetManifestResourceStream("BatchSync.BigQuery.Fake.bigquery-model.json")
            ?? throw new InvalidOperationException("The fake's bigquery-model.json is not embedded.");
        return JsonNode.Parse(stream)!;
    }

    public IReadOnlyDictionary<string, JsonNode> Methods { get; }

    /// <summary>Every way <paramref name="body"/> breaks the schema, as "path: problem" lines.</summary>
    public IReadOnlyList<string> Validate(JsonNode? body, string schemaName, bool checkRequired)
    {
        var problems = new List<string>();
        ValidateObject(body, _schemas[schemaName]!.AsObject(), schemaName, checkRequired, problems);
        return problems;
    }

    private void ValidateObject(JsonNode? node, JsonObject members, string path, bool checkRequired, List<string> problems)
    {
        if (node is not JsonObject obj)
        {
            problems.Add($"{path}: expected an object");
            return;
        }

        foreach (var (name, value) in obj)
        {
            if (members[name] is not JsonObject member)
            {
                problems.Add($"{path}.{name}: unknown member");
                continue;
            }

            ValidateValue(value, member, $"{path}.{name}", checkRequired, problems);
        }

        if (checkRequired)
        {
            foreach (var (name, member) in members)
            {
                if (member!["required"]?.GetValue<bool>() == true && obj[name] is null)
                {
                    problems.Add($"{path}.{name}: required member missing");
                }
            }
        }
    }

    private void ValidateValue(JsonNode? value, JsonObject member, string path, bool checkRequired, List<string> problems)
    {
        if (value is null)
        {
            return;
        }

        var type = member["type"]!.GetValue<string>();
        switch (type)
        {
            case "string":
                var isInt64 = member["format"]?.GetValue<string>() is "int64" or "uint64";
                if (value.GetValueKind() != JsonValueKind.String && !(isInt64 && value.GetValueKind() == JsonValueKind.Number))
                {
                    problems.Add($"{path}: expected a string");
                }
                else if (member["enum"] is JsonArray allowed && !allowed.Any(option => option!.GetValue<string>() == value.ToString()))
                {
                    problems.Add($"{path}: '{value}' is not one of {string.Join(", ", allowed)}");
                }

                break;
            case "boolean":
                if (value.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                {
                    problems.Add($"{path}: expected a boolean");
                }

                break;
            case "integer" or "number":
                if (value.GetValueKind() != JsonValueKind.Number)
                {
                    problems.Add($"{path}: expected a number");
                }

                break;
            case "array":
                if (value is not JsonArray array)
                {
                    problems.Add($"{path}: expected an array");
                    break;
                }

                var items = member["items"]!.GetValue<string>();
                for (var i = 0; i < array.Count; i++)
                {
                    ValidateValue(array[i], new JsonObject { ["type"] = items }, $"{path}[{i}]", checkRequired, problems);
                }

                break;
            case "object":
                if (member["members"] is JsonObject inline)
                {
                    ValidateObject(value, inline, path, checkRequired, problems);
                }
                else if (value is not JsonObject)
                {
                    problems.Add($"{path}: expected an object");
                }

                break;
            case "any":
                break;
            default:
                if (_schemas[type] is JsonObject schema)
                {
                    ValidateObject(value, schema, path, checkRequired, problems);
                }
                else if (value is not JsonObject)
                {
                    // A schema the compact model leaves out: only its shape is checked.
                    problems.Add($"{path}: expected an object");
                }

                break;
        }
    }
}
