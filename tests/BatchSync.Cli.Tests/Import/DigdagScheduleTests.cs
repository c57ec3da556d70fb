using BatchSync.Commands.Import;
using BatchSync.Core.Workflows.Schedules;

namespace BatchSync.Cli.Tests.Import;

/// <summary>digdag schedules (in the workflow's zone) as EventBridge expressions (UTC) that EventBridge accepts.</summary>
public sealed class DigdagScheduleTests
{
    private static readonly DateTimeOffset Winter = new(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("daily>", "03:30:00", "Asia/Tokyo", "cron(30 18 * * ? *)")]
    [InlineData("daily>", "10:00:00", "Asia/Tokyo", "cron(0 1 * * ? *)")]
    [InlineData("hourly>", "15:00", "Asia/Kolkata", "cron(45 * * * ? *)")]
    [InlineData("weekly>", "Mon,02:00:00", "Asia/Tokyo", "cron(0 17 ? * SUN *)")]
    [InlineData("monthly>", "1,05:00:00", "Asia/Tokyo", "cron(0 20 L * ? *)")]
    [InlineData("cron>", "42 4 * * 1-5", "UTC", "cron(42 4 ? * MON-FRI *)")]
    [InlineData("minutes_interval>", "30", "UTC", "rate(30 minutes)")]
    public void Schedules_become_utc_expressions_eventbridge_accepts(string kind, string value, string zone, string expected)
    {
        var (expression, _, problem) = DigdagSchedule.Translate(kind, value, TimeZoneInfo.FindSystemTimeZoneById(zone), Winter);

        Assert.Null(problem);
        Assert.Equal(expected, expression);
        Assert.Empty(ScheduleExpression.Validate(expression!));
    }

    [Fact]
    public void Only_zones_that_change_their_clock_get_the_warning()
    {
        var (_, tokyo, _) = DigdagSchedule.Translate("daily>", "03:00:00", TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"), Winter);
        var (_, berlin, _) = DigdagSchedule.Translate("daily>", "03:00:00", TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"), Winter);

        Assert.DoesNotContain("changes its clock", tokyo, StringComparison.Ordinal);
        Assert.Contains("changes its clock", berlin, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cron_naming_days_that_shifts_across_midnight_is_left_to_the_user()
    {
        var (expression, _, problem) = DigdagSchedule.Translate("cron>", "0 2 * * 1", TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"), Winter);

        Assert.Null(expression);
        Assert.Contains("day before or after", problem, StringComparison.Ordinal);
    }
}
