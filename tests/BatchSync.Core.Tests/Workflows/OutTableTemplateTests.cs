using BatchSync.Core.Workflows.Templates;

namespace BatchSync.Core.Tests.Workflows;

public class OutTableTemplateTests
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    [Theory]
    [InlineData("access_log_{run_date:yyyyMMdd}", "access_log_20261122")]
    [InlineData("access_log_{run_date}", "access_log_20261122")]
    [InlineData("log_{run_date:yyyy_MM}", "log_2026_11")]
    [InlineData("log_{run_time:yyyyMMddHH}", "log_2026112201")]
    [InlineData("log_{run_time}", "log_20261122013000")]
    [InlineData("plain", "plain")]
    public void Renders_in_the_workflow_time_zone(string text, string expected)
    {
        // 16:30 UTC on the 21st is already 01:30 on the 22nd in Tokyo.
        var runStarted = new DateTimeOffset(2026, 11, 21, 16, 30, 0, TimeSpan.Zero);
        var template = OutTableTemplate.Parse(text, out var error);

        Assert.Null(error);
        Assert.Equal(expected, template!.Render(runStarted, Tokyo, "t"));
    }

    [Theory]
    [InlineData("t_{date}", "unknown placeholder '{date}'")]
    [InlineData("t_{date}", "did you mean 'run_date'?")]
    [InlineData("t_{time}", "did you mean 'run_time'?")]
    [InlineData("t_{run_dat}", "did you mean 'run_date'?")]
    [InlineData("t_{run_date", "unclosed '{'")]
    [InlineData("t_}", "unmatched '}'")]
    [InlineData("t_{run_date:yyyy/MM/dd}", "'/' cannot be used")]
    [InlineData("t_{run_date:yyyyMMddHH}", "'H' cannot be used")]
    [InlineData("t_{run_date:yyy}", "'yyy' is not a date format specifier")]
    [InlineData("t_{run_date:}", "empty date format")]
    [InlineData("t_{run_date:dddd}", "'dddd' is not a date format specifier")]
    public void Rejects_formats_that_cannot_name_a_table(string text, string expected)
    {
        Assert.Null(OutTableTemplate.Parse(text, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
