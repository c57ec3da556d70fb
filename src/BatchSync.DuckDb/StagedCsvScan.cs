using System.Globalization;
using BatchSync.Core.Schema;
using BatchSync.Core.Stage;

namespace BatchSync.DuckDb;

/// <summary>
/// A SELECT over staged gzip CSV parts with DuckDB's CSV reader, configured from <see cref="CsvDialect"/> (the same
/// definition the BigQuery load job is built from): every column read as text, then converted per
/// <see cref="DuckDbTypes"/>, named as the schema says. Nothing is sniffed: a part that breaks the dialect fails.
/// </summary>
internal static class StagedCsvScan
{
    /// <summary>
    /// The longest CSV row DuckDB's reader accepts. Its default (2 MB) is smaller than a MySQL row can be; it holds a
    /// buffer this large per file it reads, so it is bounded: a longer row fails the table, naming max_line_size.
    /// </summary>
    private const long MaxLineBytes = 128L << 20;

    public static string Select(BigQueryTableSchema schema, IReadOnlyList<string> files)
    {
        var fields = schema.Fields;
        var columns = string.Join(", ", fields.Select((_, i) => $"{DuckDbNames.Literal(RawName(i))}: 'VARCHAR'"));
        var values = string.Join(", ", fields.Select((field, i) => $"{DuckDbTypes.FromCsvText(field.Type, RawName(i))} AS {DuckDbNames.Quote(field.Name)}"));
        var list = string.Join(", ", files.Select(DuckDbNames.Literal));
        var maxLine = MaxLineBytes.ToString(CultureInfo.InvariantCulture);
        var header = CsvDialect.SkipLeadingRows > 0 ? "true" : "false";
        var delimiter = DuckDbNames.Literal(CsvDialect.FieldDelimiter);
        var quote = DuckDbNames.Literal(CsvDialect.Quote);
        return $$"""
            SELECT {{values}} FROM read_csv([{{list}}],
                columns = {{{columns}}}, auto_detect = false, header = {{header}},
                delim = {{delimiter}}, quote = {{quote}}, escape = {{quote}},
                nullstr = '', allow_quoted_nulls = false, compression = 'gzip', encoding = 'utf-8', strict_mode = true,
                max_line_size = {{maxLine}}, buffer_size = {{maxLine}})
            """;
    }

    private static string RawName(int index) => "c" + index.ToString(CultureInfo.InvariantCulture);
}
