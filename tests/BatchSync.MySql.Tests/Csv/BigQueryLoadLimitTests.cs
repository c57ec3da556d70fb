using System.Text;
using BatchSync.MySql.Csv;

namespace BatchSync.MySql.Tests.Csv;

/// <summary>
/// Limits BigQuery enforces on a load are checked while the CSV is written, naming table, column and row:
/// a CSV cell or row over 100 MB (cloud.google.com/bigquery/quotas#load_jobs) and JSON nested deeper than 500
/// levels (cloud.google.com/bigquery/docs/json-data).
/// </summary>
public class BigQueryLoadLimitTests
{
    [Fact]
    public void A_blob_that_becomes_more_than_100_MB_of_base64_fails_before_loading_naming_the_column_and_row()
    {
        // 76 MiB of bytes is 101.3 MiB of base64.
        var blob = new byte[76 * 1024 * 1024];
        var encoder = new CsvRowEncoder("shop.files", [new CsvColumn("id", ValueEncoding.Number), new CsvColumn("content", ValueEncoding.Base64)], ZeroDatePolicy.Null);
        var row = RowPayload.Build(RowPayload.Text("7"), blob);

        var error = Assert.Throws<CsvConversionException>(() => encoder.Encode(row, new byte[encoder.MaxEncodedLength(row.Length)], 3));

        Assert.Equal(("shop.files", "content", 3L), (error.Table, error.Column, error.Row));
        Assert.Contains("100.0 MB", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(500, true)]
    [InlineData(501, false)]
    public void JSON_nested_deeper_than_BigQuery_allows_fails_naming_the_column_and_row(int depth, bool accepted)
    {
        var json = new string('[', depth) + "\"]]{[\"" + new string(']', depth);
        var encoder = new CsvRowEncoder("shop.events", [new CsvColumn("payload", ValueEncoding.Json)], ZeroDatePolicy.Null);
        var row = RowPayload.Build(Encoding.UTF8.GetBytes(json));
        var destination = new byte[encoder.MaxEncodedLength(row.Length)];

        if (accepted)
        {
            Assert.True(encoder.Encode(row, destination, 9) > json.Length);
            return;
        }

        var error = Assert.Throws<CsvConversionException>(() => encoder.Encode(row, destination, 9));
        Assert.Equal(("payload", 9L), (error.Column, error.Row));
        Assert.Contains("500 levels", error.Message, StringComparison.Ordinal);
    }
}
