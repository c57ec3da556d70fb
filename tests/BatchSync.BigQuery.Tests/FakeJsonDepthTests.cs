using BatchSync.BigQuery.Fake;

namespace BatchSync.BigQuery.Tests;

/// <summary>
/// The fake loads JSON the way BigQuery does: nesting up to 500 levels is a value (cloud.google.com/bigquery/docs/json-data,
/// "The JSON data type has a nesting limit of 500"), deeper is rejected. System.Text.Json alone would stop at 64.
/// </summary>
public class FakeJsonDepthTests
{
    [Theory]
    [InlineData(65, true)]
    [InlineData(500, true)]
    [InlineData(501, false)]
    public void JSON_nests_up_to_500_levels_as_BigQuery_allows(int depth, bool accepted)
    {
        var json = new string('[', depth) + new string(']', depth);

        if (accepted)
        {
            Assert.Equal(json, CsvValueParser.Parse("JSON", json));
        }
        else
        {
            Assert.Throws<FormatException>(() => CsvValueParser.Parse("JSON", json));
        }
    }
}
