using System.Globalization;
using System.Text.Json.Nodes;
using BatchSync.Core.Schema;

namespace BatchSync.BigQuery.Tables;

/// <summary>
/// A table as tables.get returns it. <see cref="Fields"/> and <see cref="TableConstraints"/> are kept as BigQuery sent
/// them (descriptions, policyTags, maxLength, precision, scale, collation, defaultValueExpression, RECORD and RANGE
/// fields), so a schema patch or a staging table built from them sends every existing attribute back unchanged.
/// </summary>
public sealed record BigQueryTable(TableId Id, TableDefinition Definition, long? NumRows)
{
    public JsonArray Fields { get; init; } = [];

    public JsonObject? TableConstraints { get; init; }

    public static BigQueryTable FromJson(TableId id, JsonNode table)
    {
        var definition = new TableDefinition(table["schema"] is { } schema ? BigQueryTableSchema.Parse(schema) : new BigQueryTableSchema([]))
        {
            Description = table["description"]?.GetValue<string>(),
            TimePartitioning = TimePartitioning.FromJson(table["timePartitioning"]),
            RangePartitioning = RangePartitioning.FromJson(table["rangePartitioning"]),
            Clustering = table["clustering"]?["fields"] is JsonArray fields ? fields.Select(field => field!.GetValue<string>()).ToList() : [],
            ExpirationTime = table["expirationTime"] is { } expiration
                ? DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(expiration.ToString(), CultureInfo.InvariantCulture))
                : null,
        };
        var numRows = table["numRows"] is { } rows ? long.Parse(rows.ToString(), CultureInfo.InvariantCulture) : (long?)null;
        return new BigQueryTable(id, definition, numRows)
        {
            Fields = table["schema"]?["fields"]?.DeepClone() as JsonArray ?? [],
            TableConstraints = table["tableConstraints"]?.DeepClone() as JsonObject,
        };
    }

    public static JsonObject ToJson(TableId id, TableDefinition definition)
    {
        var json = new JsonObject
        {
            ["tableReference"] = id.ToJson(),
            ["schema"] = new JsonObject { ["fields"] = definition.Schema.ToJsonArray() },
        };
        if (definition.Description is not null)
        {
            json["description"] = definition.Description;
        }

        if (definition.TimePartitioning is not null)
        {
            json["timePartitioning"] = definition.TimePartitioning.ToJson();
        }

        if (definition.RangePartitioning is not null)
        {
            json["rangePartitioning"] = definition.RangePartitioning.ToJson();
        }

        if (definition.Clustering.Count > 0)
        {
            json["clustering"] = new JsonObject { ["fields"] = new JsonArray(definition.Clustering.Select(field => (JsonNode)field).ToArray()) };
        }

        if (definition.ExpirationTime is { } expiration)
        {
            json["expirationTime"] = expiration.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        }

        return json;
    }
}
