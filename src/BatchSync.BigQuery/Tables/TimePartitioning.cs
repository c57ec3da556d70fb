using System.Text.Json.Nodes;

namespace BatchSync.BigQuery.Tables;

public enum TimePartitioningType
{
    Day,
    Hour,
    Month,
    Year,
}

/// <summary>Time-unit partitioning by a DATE/TIMESTAMP/DATETIME column, or by ingestion time when <see cref="Field"/> is null.</summary>
public sealed record TimePartitioning(TimePartitioningType Type, string? Field)
{
    public JsonObject ToJson()
    {
        var json = new JsonObject { ["type"] = Type.ToString().ToUpperInvariant() };
        if (Field is not null)
        {
            json["field"] = Field;
        }

        return json;
    }

    public static TimePartitioning? FromJson(JsonNode? node) =>
        node is null ? null : new TimePartitioning(Enum.Parse<TimePartitioningType>(node["type"]?.GetValue<string>() ?? "DAY", ignoreCase: true), node["field"]?.GetValue<string>());

    public override string ToString() => Field is null ? $"{Type} (ingestion time)" : $"{Type} on {Field}";
}
