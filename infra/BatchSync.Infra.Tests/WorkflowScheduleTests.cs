using System.Text.Json;
using BatchSync.Infra.Tests.Support;

namespace BatchSync.Infra.Tests;

[Collection(DefaultStackCollection.Name)]
public sealed class WorkflowScheduleTests(DefaultStackFixture fixture)
{
    private const string EventTime = "2026-11-21T18:00:00Z";

    private readonly SynthesizedStack stack = fixture.Stack;

    [Fact]
    public void Makes_one_rule_per_scheduled_workflow_file_with_its_expression()
    {
        var schedules = stack.Resources("AWS::Events::Rule").Values
            .Select(r => r.GetProperty("Properties"))
            .Where(p => p.TryGetProperty("ScheduleExpression", out _))
            .ToDictionary(p => p.GetProperty("Name").GetString()!, p => p.GetProperty("ScheduleExpression").GetString());

        Assert.Equal(
            new Dictionary<string, string?>
            {
                ["batchsync-hourly-events"] = "rate(1 hour)",
                ["batchsync-shop_daily"] = "cron(0 18 * * ? *)",
                ["batchsync-shop_nightly_full"] = "cron(30 15 ? * MON-FRI *)",
            },
            schedules);
    }

    [Theory]
    [InlineData("batchsync-shop_daily", "shop_daily")]
    [InlineData("batchsync-hourly-events", "hourly-events")]
    [InlineData("batchsync-shop_nightly_full", "nightly")]
    public void Submits_the_run_job_for_the_workflow_file_with_the_event_time_as_run_id(string rule, string workflowArgument)
    {
        var target = Target(rule);
        var transformer = target.GetProperty("InputTransformer");
        Assert.Equal("$.time", transformer.GetProperty("InputPathsMap").GetProperty("time").GetString());

        // What EventBridge sends for a scheduled event: the template with <time> replaced by the event's time.
        var submitted = JsonDocument.Parse(transformer.GetProperty("InputTemplate").GetString()!.Replace("<time>", EventTime, StringComparison.Ordinal)).RootElement;
        Assert.Equal(
            ["run", workflowArgument, "--run-id", EventTime],
            submitted.GetProperty("ContainerOverrides").GetProperty("Command").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(workflowArgument, submitted.GetProperty("Parameters").GetProperty("workflow").GetString());
    }

    [Fact]
    public void Targets_the_queue_with_the_run_job_definition_by_name()
    {
        var queueId = stack.Resources("AWS::Batch::JobQueue").Keys.Single();
        foreach (var rule in ScheduleRuleNames())
        {
            var target = Target(rule);
            Assert.Equal(queueId, target.GetProperty("Arn").GetProperty("Fn::GetAtt")[0].GetString());
            Assert.Equal("batchsync-run", target.GetProperty("BatchParameters").GetProperty("JobDefinition").GetString());
        }
    }

    [Fact]
    public void Retries_delivery_and_keeps_what_still_fails_in_the_dead_letter_queue()
    {
        var queueId = stack.Resources("AWS::SQS::Queue").Keys.Single();
        foreach (var rule in ScheduleRuleNames())
        {
            var target = Target(rule);
            Assert.Equal(queueId, target.GetProperty("DeadLetterConfig").GetProperty("Arn").GetProperty("Fn::GetAtt")[0].GetString());
            var retry = target.GetProperty("RetryPolicy");
            Assert.InRange(retry.GetProperty("MaximumRetryAttempts").GetInt32(), 1, 185);
            Assert.InRange(retry.GetProperty("MaximumEventAgeInSeconds").GetInt32(), 60, 86400);
        }
    }

    [Fact]
    public void Dead_letter_queue_accepts_messages_only_from_the_schedule_rules()
    {
        var statement = stack.Resources("AWS::SQS::QueuePolicy").Values.Single()
            .GetProperty("Properties").GetProperty("PolicyDocument").GetProperty("Statement").EnumerateArray()
            .Single(s => s.GetProperty("Effect").GetString() == "Allow");

        Assert.Equal("events.amazonaws.com", statement.GetProperty("Principal").GetProperty("Service").GetString());
        Assert.Equal("sqs:SendMessage", statement.GetProperty("Action").GetString());
        var sources = statement.GetProperty("Condition").GetProperty("ArnEquals").GetProperty("aws:SourceArn").EnumerateArray()
            .Select(s => s.GetProperty("Fn::GetAtt")[0].GetString()).Order();
        Assert.Equal(stack.Resources("AWS::Events::Rule").Keys.Where(IsScheduleRule).Order(), sources);
    }

    [Fact]
    public void EventBridge_role_may_submit_only_the_run_job_to_the_queue()
    {
        var role = stack.RoleId("SchedulesSubmitRole");
        var statements = stack.PolicyStatements().Where(s => s.Role == role).Select(s => s.Statement).ToList();

        var submit = Assert.Single(statements);
        Assert.Equal(["batch:SubmitJob"], SynthesizedStack.Actions(submit));
        var resources = SynthesizedStack.ResourceTexts(submit);
        Assert.DoesNotContain("*", resources);
        Assert.Contains(resources, r => r.Contains(stack.Resources("AWS::Batch::JobQueue").Keys.Single(), StringComparison.Ordinal));
        Assert.All(resources.Where(r => r.Contains("job-definition", StringComparison.Ordinal)), r => Assert.Contains("job-definition/batchsync-run", r, StringComparison.Ordinal));
        var trust = stack.Json.GetProperty("Resources").GetProperty(role).GetProperty("Properties").GetProperty("AssumeRolePolicyDocument").GetProperty("Statement")[0];
        Assert.Equal("events.amazonaws.com", trust.GetProperty("Principal").GetProperty("Service").GetString());
        Assert.All(ScheduleRuleNames(), rule => Assert.Equal(role, Target(rule).GetProperty("RoleArn").GetProperty("Fn::GetAtt")[0].GetString()));
    }

    private bool IsScheduleRule(string logicalId) =>
        stack.Json.GetProperty("Resources").GetProperty(logicalId).GetProperty("Properties").TryGetProperty("ScheduleExpression", out _);

    private IEnumerable<string> ScheduleRuleNames() =>
        stack.Resources("AWS::Events::Rule").Values
            .Select(r => r.GetProperty("Properties"))
            .Where(p => p.TryGetProperty("ScheduleExpression", out _))
            .Select(p => p.GetProperty("Name").GetString()!);

    private JsonElement Target(string ruleName)
    {
        var rule = stack.Resources("AWS::Events::Rule").Values
            .Select(r => r.GetProperty("Properties"))
            .Single(p => p.TryGetProperty("Name", out var name) && name.GetString() == ruleName);
        return Assert.Single(rule.GetProperty("Targets").EnumerateArray());
    }
}
