using BatchSync.Infra.Configuration;
using BatchSync.Infra.Tests.Support;
using BatchSync.Infra.Workflows;

namespace BatchSync.Infra.Tests;

public sealed class WorkflowScheduleReaderTests
{
    [Fact]
    public void Reads_the_scheduled_workflows_of_the_fixture_folder_and_skips_the_rest()
    {
        var workflows = WorkflowScheduleReader.Read(TestSettings.WorkflowsFolder);

        Assert.Equal(
            [
                new ScheduledWorkflow("hourly-events", "hourly-events", "rate(1 hour)"),
                new ScheduledWorkflow("shop_daily", "shop_daily", "cron(0 18 * * ? *)"),
                new ScheduledWorkflow("shop_nightly_full", "nightly", "cron(30 15 ? * MON-FRI *)"),
            ],
            workflows);
    }

    [Fact]
    public void A_missing_folder_is_an_error_naming_it()
    {
        var missing = Path.Combine(Path.GetTempPath(), "batchsync-no-such-folder-" + Guid.NewGuid().ToString("N"));

        var error = Assert.Throws<InvalidSettingsException>(() => WorkflowScheduleReader.Read(missing));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.Contains("workflowsFolder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_without_schedules_gives_no_rules()
    {
        using var folder = new TemporaryFolder().With("adhoc.yml", "name: adhoc\ntables: []\n");

        Assert.Empty(WorkflowScheduleReader.Read(folder.Path));
    }

    [Theory]
    [InlineData("schedule: \"0 18 * * *\"", "is not an EventBridge schedule expression")]
    [InlineData("schedule: \"cron(0 18 * * ?)\"", "has 5 cron fields")]
    [InlineData("schedule: \"rate(1 hours)\"", "is not an EventBridge schedule expression")]
    [InlineData("schedule: \"rate(0 minutes)\"", "is not an EventBridge schedule expression")]
    public void A_schedule_EventBridge_would_reject_is_an_error_naming_the_file(string line, string expected)
    {
        using var folder = new TemporaryFolder().With("broken.yml", $"name: broken\n{line}\n");

        var error = Assert.Throws<InvalidSettingsException>(() => WorkflowScheduleReader.Read(folder.Path));

        var problem = Assert.Single(error.Problems);
        Assert.StartsWith("broken.yml: schedule", problem, StringComparison.Ordinal);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_of_the_folder_is_reported_at_once()
    {
        using var folder = new TemporaryFolder()
            .With("a.yml", "name: same\nschedule: rate(5 minutes)\n")
            .With("b.yml", "name: same\nschedule: rate(10 minutes)\n")
            .With("c.yml", "name: [unclosed\n")
            .With("d.yml", "- just\n- a list\n")
            .With("e.yml", "name: has space\nschedule: rate(1 day)\n");

        var error = Assert.Throws<InvalidSettingsException>(() => WorkflowScheduleReader.Read(folder.Path));

        Assert.Equal(4, error.Problems.Count);
        Assert.Contains(error.Problems, p => p.Contains("'same' is used by 2 scheduled files", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("c.yml (2:1)", StringComparison.Ordinal) && p.Contains("not valid YAML", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("d.yml: a workflow file must be a YAML mapping", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("e.yml: name 'has space'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_name_defaults_to_the_file_name()
    {
        using var folder = new TemporaryFolder().With("orders.yaml", "schedule: cron(0 3 ? * SUN *)\n");

        var workflow = Assert.Single(WorkflowScheduleReader.Read(folder.Path));

        Assert.Equal(new ScheduledWorkflow("orders", "orders", "cron(0 3 ? * SUN *)"), workflow);
    }
}
