using System.Text.Json.Nodes;
using BatchSync.BigQuery.Tables;
using BatchSync.Core.Schema;

namespace BatchSync.BigQuery.Loading;

/// <summary>
/// The load configuration for one gzip CSV part in BatchSync's dialect: UTF-8, ',' and '"', quoted newlines allowed,
/// no header, explicit schema, appended to the run's staging table. Gzip needs no setting: BigQuery detects it.
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
            ["fieldDelimiter"] = ",",
            ["quote"] = "\"",
            ["allowQuotedNewlines"] = true,
            ["encoding"] = "UTF-8",
            ["skipLeadingRows"] = 0,
            ["writeDisposition"] = "WRITE_APPEND",
            ["createDisposition"] = "CREATE_IF_NEEDED",
            ["preserveAsciiControlCharacters"] = options.PreserveAsciiControlCharacters,
        },
    };
}
