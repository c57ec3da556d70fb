using System.Globalization;
using System.Text.Json.Nodes;
using BatchSync.Core.Runs;
using BatchSync.Core.Schema;
using BatchSync.Core.Stage;
using BatchSync.Core.Workflows.Model;

namespace BatchSync.Core.Load;

/// <summary>
/// The one BigQuery load configuration for BatchSync's CSV (<see cref="CsvDialect"/>, the definition the CSV writer
/// follows) with an explicit schema. BigQuery's lanes send it with every part; the stage-only destination writes it
/// as a table's load.json, so the staged parts can be loaded by hand or by another tool exactly as BatchSync would.
/// </summary>
public static class LoadJobConfiguration
{
    public const string ProjectPlaceholder = "PROJECT_ID";

    public const string DatasetPlaceholder = "DATASET_ID";

    /// <summary>
    /// The <c>configuration</c> member of a load job (Job.configuration.load in the BigQuery v2 API) into
    /// <paramref name="destinationTable"/>, a TableReference (projectId, datasetId, tableId).
    /// </summary>
    public static JsonObject Create(JsonObject destinationTable, BigQueryTableSchema schema, string writeDisposition, bool preserveAsciiControlCharacters = CsvDialect.PreserveAsciiControlCharacters)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return new JsonObject
        {
            ["load"] = new JsonObject
            {
                ["destinationTable"] = destinationTable,
                ["schema"] = new JsonObject { ["fields"] = schema.ToJsonArray() },
                ["sourceFormat"] = "CSV",
                ["encoding"] = CsvDialect.Encoding,
                ["fieldDelimiter"] = CsvDialect.FieldDelimiter,
                ["quote"] = CsvDialect.Quote,
                ["skipLeadingRows"] = CsvDialect.SkipLeadingRows,
                ["allowQuotedNewlines"] = CsvDialect.AllowQuotedNewlines,
                ["preserveAsciiControlCharacters"] = preserveAsciiControlCharacters,
                ["createDisposition"] = "CREATE_IF_NEEDED",
                ["writeDisposition"] = writeDisposition,
            },
        };
    }

    /// <summary>
    /// A valid <c>jobs.insert</c> body that lands a table's staged parts as its mode would (a media upload per part:
    /// BigQuery reads sourceUris from Cloud Storage only, so the parts are listed in parts.txt instead). A merge
    /// table loads into the run's staging table, from which the MERGE by <see cref="ManifestTable.Key"/> lands it.
    /// </summary>
    public static JsonObject ForTable(RunManifest manifest, ManifestTable table)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(table);
        var configuration = Create(TableReference(manifest, table), table.Schema, WriteDisposition(table.Mode));
        var load = configuration["load"]!.AsObject();
        AddPartitioning(load, table.Partition);
        if (table.Cluster.Count > 0)
        {
            load["clustering"] = new JsonObject { ["fields"] = new JsonArray([.. table.Cluster.Select(c => (JsonNode)JsonValue.Create(c)!)]) };
        }

        return new JsonObject { ["configuration"] = configuration };
    }

    /// <summary>replace and delete_in_advance rewrite the target; append adds; merge loads a fresh staging table.</summary>
    public static string WriteDisposition(LoadMode mode) => mode == LoadMode.Append ? "WRITE_APPEND" : "WRITE_TRUNCATE";

    /// <summary>
    /// A TableReference needs all three ids. A stage-only workflow may leave project and dataset out; its load.json then
    /// carries <see cref="ProjectPlaceholder"/> and <see cref="DatasetPlaceholder"/> for the user to fill in.
    /// </summary>
    private static JsonObject TableReference(RunManifest manifest, ManifestTable table) => new()
    {
        ["projectId"] = manifest.Destination.Project ?? ProjectPlaceholder,
        ["datasetId"] = manifest.Destination.DatasetOf(table) ?? DatasetPlaceholder,
        ["tableId"] = table.Mode == LoadMode.Merge ? StagingTableName.Of(table.OutTable, manifest.RunId) : table.OutTable,
    };

    private static void AddPartitioning(JsonObject load, PartitionSpec? partition)
    {
        if (partition is { Range: { } range })
        {
            load["rangePartitioning"] = new JsonObject
            {
                ["field"] = partition.Column,
                ["range"] = new JsonObject { ["start"] = Int64(range.Start), ["end"] = Int64(range.End), ["interval"] = Int64(range.Interval) },
            };
        }
        else if (partition is { Type: { } type })
        {
            load["timePartitioning"] = new JsonObject { ["type"] = type.ToString().ToUpperInvariant(), ["field"] = partition.Column };
        }
    }

    // The API carries int64 values as JSON strings.
    private static string Int64(long value) => value.ToString(CultureInfo.InvariantCulture);
}
