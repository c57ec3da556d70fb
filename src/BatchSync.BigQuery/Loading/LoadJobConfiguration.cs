using System.Text.Json.Nodes;
using BatchSync.BigQuery.Tables;
using BatchSync.Core.Schema;
using BatchSync.Core.Stage;

namespace BatchSync.BigQuery.Loading;

/// <summary>
/// The load configuration for one gzip CSV part in BatchSync's dialect (<see cref="CsvDialect"/>, the same definition
/// the CSV writer follows), explicit schema, appended to the run's staging table. Gzip needs no setting: BigQuery detects it.
/// </summary>
internal static class LoadJobConfiguration
{
    public static JsonObject Create(TableId stagingTable, BigQueryTableSchema schema, CsvLoadOptions options) => new()
    {
        ["load"] = new JsonObject
        {
            ["destinationTable"] = stagingTable.ToJson(),
            ["schema"] = new JsonObject { ["fields"] = schema.ToJsonArray() },
            ["sourceFormat"] = "CSV",
            ["fieldDelimiter"] = CsvDialect.FieldDelimiter,
            ["quote"] = CsvDialect.Quote,
            ["allowQuotedNewlines"] = CsvDialect.AllowQuotedNewlines,
            ["encoding"] = CsvDialect.Encoding,
            ["skipLeadingRows"] = CsvDialect.SkipLeadingRows,
            ["writeDisposition"] = "WRITE_APPEND",
            ["createDisposition"] = "CREATE_IF_NEEDED",
            ["preserveAsciiControlCharacters"] = options.PreserveAsciiControlCharacters,
        },
    };
}
