using BatchSync.MySql.Schema;

namespace BatchSync.MySql.Tests.Schema;

public class BigQueryColumnNameTests
{
    [Theory]
    [InlineData("id")]
    [InlineData("_private")]
    [InlineData("Created_At2")]
    [InlineData("注文番号")]
    [InlineData("price-with space")]
    public void Names_bigquery_accepts_pass(string name) => Assert.Null(BigQueryColumnName.Problem(name));

    [Theory]
    [InlineData("", "empty")]
    [InlineData("a.b", "'.'")]
    [InlineData("cost$", "'$'")]
    [InlineData("what?", "'?'")]
    [InlineData("_PARTITIONTIME", "reserved")]
    [InlineData("_table_suffix", "reserved")]
    public void Names_bigquery_rejects_say_why(string name, string reason)
        => Assert.Contains(reason, BigQueryColumnName.Problem(name), StringComparison.Ordinal);

    [Fact]
    public void Names_longer_than_300_characters_are_rejected()
        => Assert.NotNull(BigQueryColumnName.Problem(new string('a', 301)));
}
