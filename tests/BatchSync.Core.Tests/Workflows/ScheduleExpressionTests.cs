using BatchSync.Core.Workflows.Schedules;

namespace BatchSync.Core.Tests.Workflows;

/// <summary>Cases from the EventBridge user guide's cron and rate references, valid and invalid.</summary>
public class ScheduleExpressionTests
{
    [Theory]
    [InlineData("cron(0 10 * * ? *)")] // 10:00 every day
    [InlineData("cron(15 12 * * ? *)")] // 12:15 every day
    [InlineData("cron(0 18 ? * MON-FRI *)")] // 18:00 Monday to Friday
    [InlineData("cron(0 8 1 * ? *)")] // 8:00 on the first of the month
    [InlineData("cron(0/15 * * * ? *)")] // every 15 minutes
    [InlineData("cron(0/10 * ? * MON-FRI *)")] // every 10 minutes, weekdays
    [InlineData("cron(0/5 8-17 ? * MON-FRI *)")] // every 5 minutes between 8:00 and 17:55, weekdays
    [InlineData("cron(0 9 ? * 2#1 *)")] // 9:00 on the first Monday of the month
    [InlineData("cron(1/10 * * * ? *)")]
    [InlineData("cron(0 18 * * ? *)")]
    [InlineData("cron(0 0 L * ? *)")]
    [InlineData("cron(0 0 3W * ? *)")]
    [InlineData("cron(0 0 ? * L *)")]
    [InlineData("cron(0 0 ? * 6L *)")]
    [InlineData("cron(0 0 1 JAN,FEB,MAR ? 2026-2030)")]
    [InlineData("cron(0,30 1-5 1-15 jan-jun ? *)")]
    [InlineData("cron(*/5 * * * ? *)")]
    [InlineData("  cron(0   10 * * ? *)  ")]
    [InlineData("rate(1 minute)")]
    [InlineData("rate(5 minutes)")]
    [InlineData("rate(1 hour)")]
    [InlineData("rate(12 hours)")]
    [InlineData("rate(1 day)")]
    [InlineData("rate(7 days)")]
    public void Accepts_what_EventBridge_accepts(string expression) =>
        Assert.Empty(ScheduleExpression.Validate(expression));

    [Theory]
    [InlineData("cron(0 18 * * *)", "exactly 6 fields")]
    [InlineData("cron(0 18 * * ? * *)", "exactly 6 fields")]
    [InlineData("cron(0 18 * * * *)", "one of day-of-month and day-of-week must be '?'")]
    [InlineData("cron(0 18 1 * MON *)", "one of day-of-month and day-of-week must be '?'")]
    [InlineData("cron(0 18 ? * ? *)", "cannot both be '?'")]
    [InlineData("cron(60 18 * * ? *)", "minutes: '60' is not a value here")]
    [InlineData("cron(0 24 * * ? *)", "hours: '24' is not a value here")]
    [InlineData("cron(0 0 32 * ? *)", "day-of-month: '32' is not a value here")]
    [InlineData("cron(0 0 * 13 ? *)", "month: '13' is not a value here")]
    [InlineData("cron(0 0 ? * 8 *)", "day-of-week: '8' is not a value here")]
    [InlineData("cron(0 0 * * ? 1969)", "year: '1969' is not a value here")]
    [InlineData("cron(0 0 * * ? 2200)", "year: '2200' is not a value here")]
    [InlineData("cron(0 0 ? * MONDAY *)", "day-of-week: 'MONDAY' is not a value here")]
    [InlineData("cron(0 0 * JANUARY ? *)", "month: 'JANUARY' is not a value here")]
    [InlineData("cron(0 0 ? * 3#1,6#3 *)", "'#' expression cannot be part of a list")]
    [InlineData("cron(0 0 ? * 3#6 *)", "occurrence in '3#6' must be 1 to 5")]
    [InlineData("cron(0 0 1#2 * ? *)", "'#' is only allowed in day-of-week")]
    [InlineData("cron(0 0 ? * 1/2 *)", "'/' is not allowed in day-of-week")]
    [InlineData("cron(L 0 * * ? *)", "'L' is not allowed in minutes")]
    [InlineData("cron(0 0 ? * 2W *)", "'W' is only allowed in day-of-month")]
    [InlineData("cron(0 ? * * ? *)", "hours: '?' is not allowed here")]
    [InlineData("cron(0 17-8 * * ? *)", "runs backwards")]
    [InlineData("cron(0/0 * * * ? *)", "increment")]
    [InlineData("cron(0 0 1,,2 * ? *)", "empty value")]
    [InlineData("rate(1 hours)", "rate(1 hour)")]
    [InlineData("rate(5 hour)", "rate(5 hours)")]
    [InlineData("rate(0 minutes)", "positive whole number")]
    [InlineData("rate(-1 minutes)", "positive whole number")]
    [InlineData("rate(5 weeks)", "not a rate expression")]
    [InlineData("rate(five minutes)", "positive whole number")]
    [InlineData("0 18 * * *", "a schedule is cron(")]
    [InlineData("every day", "a schedule is cron(")]
    public void Rejects_what_EventBridge_rejects_and_says_why(string expression, string expected)
    {
        var errors = ScheduleExpression.Validate(expression);
        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
    }
}
