using BatchSync.Core.Runs;

namespace BatchSync.Core.Tests.Runs;

public class RunIdTests
{
    [Fact]
    public void New_ids_start_with_the_utc_time_and_differ()
    {
        var now = new DateTimeOffset(2026, 11, 21, 18, 0, 5, TimeSpan.FromHours(9));

        var first = RunId.New(now);
        var second = RunId.New(now);

        Assert.Matches("^20261121T090005Z-[0-9a-f]{6}$", first.Value);
        Assert.NotEqual(first, second);
    }

    [Theory]
    [InlineData("20261121T090005Z-a1b2c3")]
    [InlineData("manual_rerun.2")]
    public void Chosen_ids_with_safe_characters_are_accepted(string value)
        => Assert.Equal(value, RunId.Parse(value).Value);

    [Theory]
    [InlineData("2026-11-21T18:00:00Z", "20261121T180000Z")]
    [InlineData("2026-11-21T18:00:00.5Z", "20261121T180000Z")]
    public void Event_times_from_a_schedule_become_the_run_stamp(string eventTime, string expected)
        => Assert.Equal(expected, RunId.Parse(eventTime).Value);

    [Theory]
    [InlineData("")]
    [InlineData("2026-11-21T18:00:00+09:00")]
    [InlineData("-leading-dash")]
    [InlineData("has space")]
    [InlineData("slash/inside")]
    public void Unsafe_ids_are_rejected_with_a_reason(string value)
    {
        Assert.False(RunId.TryParse(value, out _, out var error));
        Assert.Contains("not valid", error);
    }
}
