using BatchSync.Core.Planning;
using BatchSync.Core.Workflows.Model;

namespace BatchSync.Core.Tests.Planning;

public class LookbackTests
{
    [Theory]
    [InlineData("2026-11-21 10:00:00", 600, "2026-11-21 09:50:00")]
    [InlineData("2026-11-21 00:05:00.123", 600, "2026-11-20 23:55:00.123")]
    [InlineData("2026-11-21", 86400, "2026-11-20")]
    [InlineData("2026-11-21", 600, "2026-11-20")]
    [InlineData("2026-11-21 10:00:00", 0, "2026-11-21 10:00:00")]
    [InlineData("12345", 0, "12345")]
    public void A_duration_moves_a_date_or_time_watermark_back(string watermark, int seconds, string expected)
        => Assert.Equal(expected, Lookback.Apply("shop.orders", "updated_at", watermark, IncrementalLookback.Of(TimeSpan.FromSeconds(seconds))));

    [Theory]
    [InlineData("12345", 5000, "7345")]
    [InlineData("100", 5000, "-4900")]
    [InlineData("-9223372036854775807", 5, "-9223372036854775808")]
    public void A_number_of_values_moves_an_integer_watermark_back(string watermark, long values, string expected)
        => Assert.Equal(expected, Lookback.Apply("shop.orders", "id", watermark, IncrementalLookback.OfValues(values)));

    [Fact]
    public void A_duration_for_an_integer_watermark_fails_the_table_instead_of_being_ignored()
    {
        var error = Assert.Throws<SourceTableException>(() => Lookback.Apply("shop.orders", "id", "12345", IncrementalLookback.Of(TimeSpan.FromMinutes(10))));

        Assert.Contains("watermark '12345' is an integer; write a number of values, e.g. lookback: 5000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_number_of_values_for_a_date_watermark_fails_the_table()
    {
        var error = Assert.Throws<SourceTableException>(() => Lookback.Apply("shop.orders", "updated_at", "2026-11-21 10:00:00", IncrementalLookback.OfValues(500)));

        Assert.Contains("is a date/time; write a duration", error.Message, StringComparison.Ordinal);
    }
}
