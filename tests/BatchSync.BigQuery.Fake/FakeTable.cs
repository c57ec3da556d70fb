using System.Globalization;
using System.Text.Json.Nodes;

namespace BatchSync.BigQuery.Fake;

/// <summary>
/// A column as the fake stores it: the type in its standard name (INT64, not INTEGER), and the field resource as it
/// was sent (description, policyTags, maxLength, …), which tables.get returns unchanged.
/// </summary>
internal sealed record FakeColumn(string Name, string Type, string Mode)
{
    public JsonObject? Field { get; init; }

    public JsonObject ToJson()
    {
        var field = Field?.DeepClone().AsObject() ?? new JsonObject { ["name"] = Name };
        field["type"] = FakeTable.LegacyName(Type);
        field["mode"] = Mode;
        return field;
    }
}

/// <summary>A stored row: values in canonical text (null = SQL NULL), keyed by column name, plus its partition.</summary>
internal sealed record FakeRow(IReadOnlyDictionary<string, string?> Values, string? PartitionId);

/// <summary>A table the fake holds: metadata as the API describes it, and its rows.</summary>
internal sealed class FakeTable(string projectId, string datasetId, string tableName)
{
    public string ProjectId { get; } = projectId;

    public string DatasetId { get; } = datasetId;

    public string TableName { get; } = tableName;

    public List<FakeColumn> Schema { get; set; } = [];

    public JsonObject? TimePartitioning { get; set; }

    public JsonObject? RangePartitioning { get; set; }

    public List<string> Clustering { get; set; } = [];

    public string? Description { get; set; }

    /// <summary>Table.tableConstraints (primary and foreign keys) as sent.</summary>
    public JsonObject? TableConstraints { get; set; }

    public string? ExpirationTime { get; set; }

    public DateTimeOffset Created { get; init; }

    public List<FakeRow> Rows { get; set; } = [];

    public string Key => $"{ProjectId}.{DatasetId}.{TableName}";

    public string PartitioningSpec =>
        (TimePartitioning is null ? "none" : $"time(type:{TimePartitioning["type"]},field:{TimePartitioning["field"]})")
        + (RangePartitioning is null ? string.Empty : $" range({RangePartitioning.ToJsonString()})");

    public string ClusteringSpec => Clustering.Count == 0 ? "none" : string.Join(",", Clustering).ToUpperInvariant();

    public FakeColumn? Column(string name) => Schema.FirstOrDefault(column => string.Equals(column.Name, name, StringComparison.OrdinalIgnoreCase));

    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["kind"] = "bigquery#table",
            ["id"] = $"{ProjectId}:{DatasetId}.{TableName}",
            ["tableReference"] = new JsonObject { ["projectId"] = ProjectId, ["datasetId"] = DatasetId, ["tableId"] = TableName },
            ["schema"] = new JsonObject { ["fields"] = new JsonArray(Schema.Select(column => (JsonNode)column.ToJson()).ToArray()) },
            ["numRows"] = Rows.Count.ToString(CultureInfo.InvariantCulture),
            ["creationTime"] = Created.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            ["type"] = "TABLE",
        };
        if (Description is not null)
        {
            json["description"] = Description;
        }

        if (TableConstraints is not null)
        {
            json["tableConstraints"] = TableConstraints.DeepClone();
        }

        if (TimePartitioning is not null)
        {
            json["timePartitioning"] = TimePartitioning.DeepClone();
        }

        if (RangePartitioning is not null)
        {
            json["rangePartitioning"] = RangePartitioning.DeepClone();
        }

        if (Clustering.Count > 0)
        {
            json["clustering"] = new JsonObject { ["fields"] = new JsonArray(Clustering.Select(field => (JsonNode)field).ToArray()) };
        }

        if (ExpirationTime is not null)
        {
            json["expirationTime"] = ExpirationTime;
        }

        return json;
    }

    /// <summary>BigQuery's API reports the legacy SQL names for some standard types.</summary>
    public static string LegacyName(string type) => type switch
    {
        "INT64" => "INTEGER",
        "FLOAT64" => "FLOAT",
        "BOOL" => "BOOLEAN",
        _ => type,
    };

    public static string StandardName(string type) => type.ToUpperInvariant() switch
    {
        "INTEGER" => "INT64",
        "FLOAT" => "FLOAT64",
        "BOOLEAN" => "BOOL",
        "STRUCT" => "RECORD",
        var other => other,
    };
}
