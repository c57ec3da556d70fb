using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BatchSync.BigQuery.Fake;

/// <summary>Checks and applies table resources (tables.insert/patch) with BigQuery's rules on names, types and layout.</summary>
internal static partial class TableResources
{
    private static readonly HashSet<string> PartitionColumnTypes = ["DATE", "TIMESTAMP", "DATETIME"];

    public static List<FakeColumn> ReadSchema(JsonNode? schema, string where)
    {
        var fields = schema?["fields"] as JsonArray ?? throw GoogleErrorException.Invalid($"{where}: a schema with fields is required.");
        var columns = new List<FakeColumn>();
        foreach (var field in fields)
        {
            var name = field!["name"]!.GetValue<string>();
            if (!ColumnNameRegex().IsMatch(name))
            {
                throw GoogleErrorException.Invalid($"Invalid field name \"{name}\". Fields must contain only letters, numbers, and underscores, start with a letter or underscore, and be at most 300 characters long.");
            }

            if (columns.Any(column => string.Equals(column.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                throw GoogleErrorException.Invalid($"Duplicate column names in schema: {name}.");
            }

            var type = FakeTable.StandardName(field["type"]!.GetValue<string>());
            if (type is "RECORD" or "RANGE")
            {
                throw GoogleErrorException.Invalid($"The fake does not model {type} fields ({name}).");
            }

            columns.Add(new FakeColumn(name, type, field["mode"]?.GetValue<string>() ?? "NULLABLE") { Field = field.DeepClone().AsObject() });
        }

        return columns;
    }

    public static FakeTable Create(JsonObject body, string projectId, string datasetId, DateTimeOffset now)
    {
        var reference = body["tableReference"]!;
        if (reference["projectId"]!.GetValue<string>() != projectId || reference["datasetId"]!.GetValue<string>() != datasetId)
        {
            throw GoogleErrorException.Invalid("tableReference does not match the dataset in the request path.");
        }

        var tableName = reference["tableId"]!.GetValue<string>();
        if (!TableNameRegex().IsMatch(tableName))
        {
            throw GoogleErrorException.Invalid($"Invalid table ID \"{tableName}\".");
        }

        var table = new FakeTable(projectId, datasetId, tableName)
        {
            Created = now,
            Schema = ReadSchema(body["schema"], $"Table {tableName}"),
            Description = body["description"]?.GetValue<string>(),
            TableConstraints = body["tableConstraints"]?.DeepClone().AsObject(),
            ExpirationTime = body["expirationTime"]?.ToString(),
            TimePartitioning = body["timePartitioning"]?.DeepClone().AsObject(),
            RangePartitioning = body["rangePartitioning"]?.DeepClone().AsObject(),
            Clustering = body["clustering"]?["fields"] is JsonArray fields ? fields.Select(field => field!.GetValue<string>()).ToList() : [],
        };
        CheckLayout(table);
        return table;
    }

    private static void CheckLayout(FakeTable table)
    {
        if (table.TimePartitioning is not null && table.RangePartitioning is not null)
        {
            throw GoogleErrorException.Invalid("Cannot specify both time partitioning and range partitioning.");
        }

        if (table.TimePartitioning?["field"]?.GetValue<string>() is { } timeField)
        {
            var column = table.Column(timeField) ?? throw GoogleErrorException.Invalid($"The field specified for partitioning cannot be found in the schema: {timeField}");
            if (!PartitionColumnTypes.Contains(column.Type))
            {
                throw GoogleErrorException.Invalid($"Partitioning field {timeField} has type {column.Type}; it must be DATE, TIMESTAMP or DATETIME.");
            }

            if (column.Type == "DATE" && table.TimePartitioning["type"]!.GetValue<string>() == "HOUR")
            {
                throw GoogleErrorException.Invalid($"HOUR partitioning is not supported on DATE column {timeField}.");
            }
        }

        if (table.RangePartitioning is { } range)
        {
            var field = range["field"]!.GetValue<string>();
            if (table.Column(field) is not { Type: "INT64" })
            {
                throw GoogleErrorException.Invalid($"Range partitioning field {field} must be an INT64 column of the table.");
            }

            if (range["range"]?["interval"] is null || long.Parse(range["range"]!["interval"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture) <= 0)
            {
                throw GoogleErrorException.Invalid("Range partitioning needs a positive interval.");
            }
        }

        if (table.Clustering.Count > 4)
        {
            throw GoogleErrorException.Invalid("Too many clustering fields: at most 4 are allowed.");
        }

        foreach (var field in table.Clustering)
        {
            if (table.Column(field) is null)
            {
                throw GoogleErrorException.Invalid($"The field specified for clustering cannot be found in the schema: {field}");
            }
        }
    }

    /// <summary>
    /// A schema patch may add NULLABLE (or REPEATED) columns and relax REQUIRED to NULLABLE; nothing else. The sent
    /// fields replace the stored ones whole, as tables.patch replaces the schema it is given: a field sent without its
    /// description or policyTags loses them.
    /// </summary>
    public static void ApplySchemaPatch(FakeTable table, JsonNode schema)
    {
        var patched = ReadSchema(schema, $"Table {table.TableName}");
        foreach (var existing in table.Schema)
        {
            var column = patched.FirstOrDefault(candidate => string.Equals(candidate.Name, existing.Name, StringComparison.OrdinalIgnoreCase))
                ?? throw GoogleErrorException.Invalid($"Provided Schema does not match Table {table.ProjectId}:{table.DatasetId}.{table.TableName}. Cannot add fields (field: {existing.Name} missing).");
            if (column.Type != existing.Type)
            {
                throw GoogleErrorException.Invalid($"Provided Schema does not match Table {table.ProjectId}:{table.DatasetId}.{table.TableName}. Field {existing.Name} has changed type from {existing.Type} to {column.Type}");
            }

            if (column.Mode != existing.Mode && !(existing.Mode == "REQUIRED" && column.Mode == "NULLABLE"))
            {
                throw GoogleErrorException.Invalid($"Provided Schema does not match Table {table.ProjectId}:{table.DatasetId}.{table.TableName}. Field {existing.Name} has changed mode from {existing.Mode} to {column.Mode}");
            }
        }

        foreach (var added in patched.Where(column => table.Column(column.Name) is null))
        {
            if (added.Mode == "REQUIRED")
            {
                throw GoogleErrorException.Invalid($"Provided Schema does not match Table {table.ProjectId}:{table.DatasetId}.{table.TableName}. Cannot add required field {added.Name}.");
            }
        }

        table.Schema = patched;
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,299}$")]
    private static partial Regex ColumnNameRegex();

    [GeneratedRegex(@"^[\p{L}\p{M}\p{N}\p{Pc}\p{Pd}\p{Zs}]{1,1024}$")]
    private static partial Regex TableNameRegex();
}
