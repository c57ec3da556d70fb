using System.Text.Json.Nodes;
using BatchSync.Core.Runs;
using BatchSync.Core.Stage;

namespace BatchSync.Core.Finish;

/// <summary>
/// The BigQuery load job a stage-only run would submit for a table (the body of <c>jobs.insert</c>), written as
/// load.json so the staged parts can be loaded by hand or by another tool exactly as BatchSync would.
/// </summary>
public static class LoadJobConfiguration
{
    public static JsonObject Build(RunManifest manifest, ManifestTable table, IEnumerable<string> sourceUris)
    {
        var load = new JsonObject
        {
            ["sourceUris"] = new JsonArray(sourceUris.Select(uri => (JsonNode)JsonValue.Create(uri)!).ToArray()),
            ["destinationTable"] = DestinationTable(manifest, table),
            ["schema"] = new JsonObject { ["fields"] = table.Schema.ToJsonArray() },
            ["sourceFormat"] = "CSV",
            ["encoding"] = CsvDialect.Encoding,
            ["fieldDelimiter"] = CsvDialect.FieldDelimiter,
            ["quote"] = CsvDialect.Quote,
            ["skipLeadingRows"] = CsvDialect.SkipLeadingRows,
            ["allowQuotedNewlines"] = CsvDialect.AllowQuotedNewlines,
            ["preserveAsciiControlCharacters"] = CsvDialect.PreserveAsciiControlCharacters,
            ["createDisposition"] = "CREATE_IF_NEEDED",
            ["writeDisposition"] = WriteDisposition(table.Mode),
        };
        AddPartitioning(load, table.Partition);
        if (table.Cluster.Count > 0)
        {
            load["clustering"] = new JsonObject { ["fields"] = new JsonArray(table.Cluster.Select(c => (JsonNode)JsonValue.Create(c)!).ToArray()) };
        }

        var job = new JsonObject { ["configuration"] = new JsonObject { ["load"] = load } };
        if (table.Mode == "merge")
        {
            // A MERGE cannot be a load job: the parts load into a staging table, then a query merges it by key.
            job["merge"] = new JsonObject
            {
                ["into"] = $"{table.Dataset ?? manifest.Destination.Dataset}.{table.OutTable}",
                ["key"] = new JsonArray(table.Key.Select(k => (JsonNode)JsonValue.Create(k)!).ToArray()),
            };
        }

        return job;
    }

    /// <summary>replace and delete_in_advance rewrite the target; append adds; merge loads a fresh staging table.</summary>
    public static string WriteDisposition(string mode) => mode switch
    {
        "append" => "WRITE_APPEND",
        _ => "WRITE_TRUNCATE",
    };

    private static JsonObject DestinationTable(RunManifest manifest, ManifestTable table)
    {
        var tableId = table.Mode == "merge" ? $"{table.OutTable}__batchsync_{manifest.RunId.Replace('-', '_').Replace('.', '_')}" : table.OutTable;
        var destination = new JsonObject();
        if (manifest.Destination.Project is { } project)
        {
            destination["projectId"] = project;
        }

        destination["datasetId"] = table.Dataset ?? manifest.Destination.Dataset;
        destination["tableId"] = tableId;
        return destination;
    }

    private static void AddPartitioning(JsonObject load, ManifestPartition? partition)
    {
        if (partition is null)
        {
            return;
        }

        if (partition.Range is { Count: 3 } range)
        {
            load["rangePartitioning"] = new JsonObject
            {
                ["field"] = partition.Column,
                ["range"] = new JsonObject { ["start"] = range[0].ToString(System.Globalization.CultureInfo.InvariantCulture), ["end"] = range[1].ToString(System.Globalization.CultureInfo.InvariantCulture), ["interval"] = range[2].ToString(System.Globalization.CultureInfo.InvariantCulture) },
            };
        }
        else
        {
            load["timePartitioning"] = new JsonObject { ["type"] = partition.Type ?? "DAY", ["field"] = partition.Column };
        }
    }
}
