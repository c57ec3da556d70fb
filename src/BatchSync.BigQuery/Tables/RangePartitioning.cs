using System.Globalization;
using System.Text.Json.Nodes;

namespace BatchSync.BigQuery.Tables;

/// <summary>Integer-range partitioning: partitions of <see cref="Interval"/> from <see cref="Start"/> (inclusive) to <see cref="End"/> (exclusive).</summary>
public sealed record RangePartitioning(string Field, long Start, long End, long Interval)
{
    public JsonObject ToJson() => new()
    {
        ["field"] = Field,
        ["range"] = new JsonObject
        {
            ["start"] = Start.ToString(CultureInfo.InvariantCulture),
            ["end"] = End.ToString(CultureInfo.InvariantCulture),
            ["interval"] = Interval.ToString(CultureInfo.InvariantCulture),
        },
    };

    public static RangePartitioning? FromJson(JsonNode? node) => node is null
        ? null
        : new RangePartitioning(
            node["field"]!.GetValue<string>(),
            ReadInt64(node["range"]?["start"]),
            ReadInt64(node["range"]?["end"]),
            ReadInt64(node["range"]?["interval"]));

    public override string ToString() => $"{Field} in [{Start}, {End}) step {Interval}";

    private static long ReadInt64(JsonNode? node) => node is null ? 0 : long.Parse(node.ToString(), CultureInfo.InvariantCulture);
}
