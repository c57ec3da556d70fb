using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using BatchSync.Core.Stage;
using BatchSync.MySql.Extract;

namespace BatchSync.Commands.Export;

/// <summary>
/// export.json: what was exported, from where, how, and the parts with their hashes. Never holds secrets.
/// Written for people and tools reading a file, not for embedding in HTML, so SQL keeps its backticks and quotes.
/// </summary>
internal static class ExportManifest
{
    public static string ToJson(ExportResult result, MySqlSourceUri source, string zeroDates)
    {
        var parts = new JsonArray();
        foreach (var part in result.Parts)
        {
            parts.Add(new JsonObject
            {
                ["file"] = part.Name,
                ["rows"] = part.Rows,
                ["bytes"] = part.UncompressedBytes,
                ["compressed_bytes"] = part.CompressedBytes,
                ["sha256"] = part.Sha256,
            });
        }

        var manifest = new JsonObject
        {
            ["table"] = result.Plan.Query.DisplayName,
            ["source"] = new JsonObject
            {
                ["uri"] = source.ToString(),
                ["server_version"] = result.ServerVersion,
            },
            ["sql"] = result.Plan.SelectSql,
            ["rows"] = result.Rows,
            ["bytes"] = result.UncompressedBytes,
            ["compressed_bytes"] = result.CompressedBytes,
            ["parts"] = parts,
            ["zero_dates"] = zeroDates,
            ["csv"] = new JsonObject
            {
                ["fieldDelimiter"] = CsvDialect.FieldDelimiter,
                ["quote"] = CsvDialect.Quote,
                ["encoding"] = CsvDialect.Encoding,
                ["allowQuotedNewlines"] = CsvDialect.AllowQuotedNewlines,
                ["preserveAsciiControlCharacters"] = CsvDialect.PreserveAsciiControlCharacters,
                ["skipLeadingRows"] = CsvDialect.SkipLeadingRows,
            },
            ["timings"] = new JsonObject
            {
                ["connect_seconds"] = Seconds(result.Timings.Connect),
                ["discover_seconds"] = Seconds(result.Timings.Discover),
                ["extract_seconds"] = Seconds(result.Timings.Extract),
                ["total_seconds"] = Seconds(result.Timings.Total),
            },
            ["exported_at"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        };
        return manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static double Seconds(TimeSpan span) => Math.Round(span.TotalSeconds, 3);
}
