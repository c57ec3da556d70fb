using System.Text.Json;
using System.Text.Json.Nodes;

namespace BatchSync.Core.Schema;

/// <summary>A BigQuery table schema; serialises to the JSON BigQuery's API and the bq tool read (<c>[{"name":…,"type":…,"mode":…}]</c>).</summary>
public sealed record BigQueryTableSchema(IReadOnlyList<BigQueryField> Fields)
{
    public JsonArray ToJsonArray()
    {
        var array = new JsonArray();
        foreach (var field in Fields)
        {
            var node = new JsonObject
            {
                ["name"] = field.Name,
                ["type"] = field.Type.ToApiName(),
                ["mode"] = field.Mode,
            };
            if (field.Description is not null)
            {
                node["description"] = field.Description;
            }

            array.Add(node);
        }

        return array;
    }

    public string ToJson() => ToJsonArray().ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    /// <summary>Reads either the bare field array or an object with a "fields" array.</summary>
    /// <exception cref="FormatException">The JSON is not a schema.</exception>
    public static BigQueryTableSchema Parse(JsonNode node)
    {
        var array = node as JsonArray ?? node["fields"] as JsonArray ?? throw new FormatException("A schema is a JSON array of fields or an object with \"fields\".");
        var fields = new List<BigQueryField>(array.Count);
        foreach (var item in array)
        {
            var name = item?["name"]?.GetValue<string>() ?? throw new FormatException("A schema field has no \"name\".");
            var typeName = item["type"]?.GetValue<string>() ?? throw new FormatException($"Schema field '{name}' has no \"type\".");
            if (!BigQueryTypeNames.TryParse(typeName, out var type))
            {
                throw new FormatException($"Schema field '{name}' has unknown type '{typeName}'.");
            }

            fields.Add(new BigQueryField(name, type, item["mode"]?.GetValue<string>() ?? "NULLABLE", item["description"]?.GetValue<string>()));
        }

        return new BigQueryTableSchema(fields);
    }
}
