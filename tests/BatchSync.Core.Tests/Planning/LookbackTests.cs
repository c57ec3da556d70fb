using BatchSync.Core.Planning;

namespace BatchSync.Core.Tests.Planning;

public class LookbackTests
{
    [Theory]
    [InlineData("2026-11-21 10:00:00", 600, "2026-11-21 09:50:00")]
    [InlineData("2026-11-21 00:05:00.123", 600, "2026-11-20 23:55:00.123")]
    [InlineData("12345", 600, "12345")]
    [InlineData("2026-11-21 10:00:00", 0, "2026-11-21 10:00:00")]
    public void Lookback_moves_time_watermarks_back_and_leaves_other_values_alone(string watermark, int seconds, string expected)
        => Assert.Equal(expected, Lookback.Apply(watermark, TimeSpan.FromSeconds(seconds)));
}
