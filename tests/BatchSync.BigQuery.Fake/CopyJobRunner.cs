using System.Globalization;
using System.Text.Json.Nodes;

namespace BatchSync.BigQuery.Fake;

/// <summary>
/// Copy jobs: whole tables or single partitions (a decorator on the source copies only that partition's rows; one on
/// the destination replaces or appends to that partition and refuses rows of any other, as BigQuery does:
/// https://cloud.google.com/bigquery/docs/managing-partitioned-table-data), with BigQuery's layout and schema checks.
/// </summary>
internal static class CopyJobRunner
{
    public static JsonObject Run(FakeBigQueryState state, JsonObject copy, string location, DateTimeOffset now)
    {
        if (copy["sourceTables"] is not null)
        {
            throw GoogleErrorException.Invalid("The fake copies from sourceTable only.");
        }

        var sourceRef = copy["sourceTable"] ?? throw GoogleErrorException.Invalid("Copy configuration must specify sourceTable.");
        var destinationRef = copy["destinationTable"] ?? throw GoogleErrorException.Invalid("Copy configuration must specify destinationTable.");
        var (sourceProject, sourceDataset, sourceReference) = Reference(sourceRef);
        var (projectId, datasetId, destinationName) = Reference(destinationRef);
        JobLocation.Check(state, sourceProject, sourceDataset, location);
        JobLocation.Check(state, projectId, datasetId, location);
        var (sourceName, sourceDecorator) = Decorated(sourceReference);
        var source = state.Table(sourceProject, sourceDataset, sourceName) ?? throw JobFailedException.Single("notFound", $"Not found: Table {sourceProject}:{sourceDataset}.{sourceName}");
        if (sourceDecorator is not null && source.TimePartitioning is null && source.RangePartitioning is null)
        {
            throw JobFailedException.Single("invalid", $"Cannot read partition information from a table that is not partitioned: {sourceProject}:{sourceDataset}.{sourceReference}");
        }

        var (tableName, decorator) = Decorated(destinationName);
        // The model already refused any value JobConfigurationTableCopy.writeDisposition does not list (WRITE_TRUNCATE_DATA among them).
        var writeDisposition = copy["writeDisposition"]?.GetValue<string>() ?? "WRITE_EMPTY";

        var destination = state.Table(projectId, datasetId, tableName);
        if (destination is null)
        {
            if (copy["createDisposition"]?.GetValue<string>() == "CREATE_NEVER")
            {
                throw JobFailedException.Single("notFound", $"Not found: Table {projectId}:{datasetId}.{tableName}");
            }

            destination = new FakeTable(projectId, datasetId, tableName)
            {
                Created = now,
                Schema = [.. source.Schema],
                TimePartitioning = source.TimePartitioning?.DeepClone().AsObject(),
                RangePartitioning = source.RangePartitioning?.DeepClone().AsObject(),
                Clustering = [.. source.Clustering],
            };
            state.Tables[destination.Key] = destination;
        }
        else
        {
            CheckCompatible(source, destination, replacesSchema: writeDisposition == "WRITE_TRUNCATE" && decorator is null);
        }

        var copied = sourceDecorator is null ? source.Rows : source.Rows.Where(row => row.PartitionId == sourceDecorator);
        var rows = copied.Select(row => new FakeRow(row.Values, PartitionIds.Of(destination, row.Values, decorator, now))).ToList();
        if (decorator is not null)
        {
            var outside = rows.FirstOrDefault(row => row.PartitionId != decorator);
            if (outside is not null)
            {
                throw JobFailedException.Single("invalid", $"Some rows belong to different partitions rather than destination partition {decorator}");
            }
        }

        var inTarget = decorator is null ? destination.Rows : destination.Rows.Where(row => row.PartitionId == decorator).ToList();
        switch (writeDisposition)
        {
            case "WRITE_EMPTY" when inTarget.Count > 0:
                throw JobFailedException.Single("duplicate", $"Already Exists: Table {projectId}:{datasetId}.{destinationName}");
            case "WRITE_TRUNCATE" when decorator is null:
                // "uses the schema and table constraints from the source table" (JobConfigurationTableCopy).
                destination.Rows = rows;
                destination.Schema = [.. source.Schema];
                destination.TableConstraints = source.TableConstraints?.DeepClone().AsObject();
                break;
            case "WRITE_TRUNCATE":
                destination.Rows = [.. destination.Rows.Where(row => row.PartitionId != decorator), .. rows];
                break;
            default:
                destination.Rows.AddRange(rows);
                break;
        }

        return new JsonObject { ["copy"] = new JsonObject { ["copiedRows"] = rows.Count.ToString(CultureInfo.InvariantCulture) } };
    }

    private static void CheckCompatible(FakeTable source, FakeTable destination, bool replacesSchema)
    {
        if (destination.PartitioningSpec != source.PartitioningSpec && (destination.TimePartitioning is not null || destination.RangePartitioning is not null))
        {
            throw JobFailedException.Single("invalid", $"Incompatible table partitioning specification. Expects partitioning specification {destination.PartitioningSpec}, but input partitioning specification is {source.PartitioningSpec}");
        }

        if (destination.ClusteringSpec != source.ClusteringSpec && destination.Clustering.Count > 0)
        {
            throw JobFailedException.Single("invalid", $"Incompatible table clustering specification. Expects clustering {destination.ClusteringSpec}, but input clustering is {source.ClusteringSpec}");
        }

        if (replacesSchema)
        {
            return;
        }

        foreach (var column in source.Schema)
        {
            var target = destination.Column(column.Name);
            if (target is null || target.Type != column.Type)
            {
                throw JobFailedException.Single("invalid", $"Provided Schema does not match Table {destination.ProjectId}:{destination.DatasetId}.{destination.TableName}. Field {column.Name} is missing or has a different type.");
            }
        }

        var required = destination.Schema.FirstOrDefault(column => column.Mode == "REQUIRED" && source.Column(column.Name) is null);
        if (required is not null)
        {
            throw JobFailedException.Single("invalid", $"Provided Schema does not match Table {destination.TableName}. Field {required.Name} is missing in new schema");
        }
    }

    /// <summary>A table name and its partition decorator (<c>orders$20261121</c> → orders, 20261121), or no decorator.</summary>
    private static (string Table, string? Decorator) Decorated(string name)
    {
        var dollar = name.IndexOf('$', StringComparison.Ordinal);
        return dollar >= 0 ? (name[..dollar], name[(dollar + 1)..]) : (name, null);
    }

    private static (string Project, string Dataset, string Table) Reference(JsonNode reference) =>
        (reference["projectId"]!.GetValue<string>(), reference["datasetId"]!.GetValue<string>(), reference["tableId"]!.GetValue<string>());
}
