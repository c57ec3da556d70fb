using System.Text.Json;
using BatchSync.Infra.Tests.Support;

namespace BatchSync.Infra.Tests;

/// <summary>
/// The alerts that work when no BatchSync process is alive. The event shape is AWS Batch's documented
/// "Batch Job State Change" event: source aws.batch, detail.status, detail.jobQueue holding the queue ARN.
/// </summary>
[Collection(DefaultStackCollection.Name)]
public sealed class FailureAlertTests(DefaultStackFixture fixture)
{
    private readonly SynthesizedStack stack = fixture.Stack;

    private string TopicId => stack.Resources("AWS::SNS::Topic").Keys.Single();

    private JsonElement FailedJobRule => stack.Resources("AWS::Events::Rule").Values
        .Select(r => r.GetProperty("Properties")).Single(p => p.GetProperty("Name").GetString() == "batchsync-failed-jobs");

    [Fact]
    public void A_rule_matches_failed_jobs_of_the_stack_queue_and_targets_the_topic()
    {
        var pattern = FailedJobRule.GetProperty("EventPattern");
        Assert.Equal(["aws.batch"], Strings(pattern.GetProperty("source")));
        Assert.Equal(["Batch Job State Change"], Strings(pattern.GetProperty("detail-type")));
        Assert.Equal(["FAILED"], Strings(pattern.GetProperty("detail").GetProperty("status")));
        var queue = pattern.GetProperty("detail").GetProperty("jobQueue");
        Assert.Equal(stack.Resources("AWS::Batch::JobQueue").Keys.Single(), queue[0].GetProperty("Fn::GetAtt")[0].GetString());
        Assert.Equal("JobQueueArn", queue[0].GetProperty("Fn::GetAtt")[1].GetString());

        var target = Assert.Single(FailedJobRule.GetProperty("Targets").EnumerateArray());
        Assert.Equal(TopicId, target.GetProperty("Arn").GetProperty("Ref").GetString());
    }

    [Fact]
    public void The_rule_matches_a_documented_failed_job_event_and_not_a_succeeded_one()
    {
        var pattern = FailedJobRule.GetProperty("EventPattern");
        const string queueArn = "arn:aws:batch:eu-west-1:123456789012:job-queue/batchsync-queue";
        Assert.True(Matches(pattern, Event("FAILED", queueArn), queueArn));
        Assert.False(Matches(pattern, Event("SUCCEEDED", queueArn), queueArn));
        Assert.False(Matches(pattern, Event("FAILED", "arn:aws:batch:eu-west-1:123456789012:job-queue/other"), queueArn));
    }

    [Fact]
    public void Only_the_rule_and_the_dead_letter_alarm_may_publish_to_the_topic()
    {
        var policy = stack.Resources("AWS::SNS::TopicPolicy").Values.Single().GetProperty("Properties");
        Assert.Equal(TopicId, policy.GetProperty("Topics")[0].GetProperty("Ref").GetString());
        var all = policy.GetProperty("PolicyDocument").GetProperty("Statement").EnumerateArray().ToList();
        var statements = all.Where(s => s.GetProperty("Effect").GetString() == "Allow").ToList();
        var services = statements.Select(s => s.GetProperty("Principal").GetProperty("Service").GetString()).Order().ToList();
        Assert.Equal(["cloudwatch.amazonaws.com", "events.amazonaws.com"], services);
        Assert.All(statements, s => Assert.Equal("sns:Publish", s.GetProperty("Action").GetString()));
        Assert.All(statements, s => Assert.True(s.GetProperty("Condition").GetProperty("ArnEquals").TryGetProperty("aws:SourceArn", out _)));
        var deny = Assert.Single(all, s => s.GetProperty("Effect").GetString() == "Deny");
        Assert.Equal("false", deny.GetProperty("Condition").GetProperty("Bool").GetProperty("aws:SecureTransport").GetString());

        var events = statements.Single(s => s.GetProperty("Principal").GetProperty("Service").GetString() == "events.amazonaws.com");
        var ruleId = stack.Resources("AWS::Events::Rule").Single(r => r.Value.GetProperty("Properties").GetProperty("Name").GetString() == "batchsync-failed-jobs").Key;
        Assert.Equal(ruleId, events.GetProperty("Condition").GetProperty("ArnEquals").GetProperty("aws:SourceArn").GetProperty("Fn::GetAtt")[0].GetString());
    }

    [Fact]
    public void An_alarm_fires_on_the_first_message_in_the_schedule_dead_letter_queue()
    {
        var alarm = stack.Resources("AWS::CloudWatch::Alarm").Values.Single().GetProperty("Properties");
        Assert.Equal("ApproximateNumberOfMessagesVisible", alarm.GetProperty("MetricName").GetString());
        Assert.Equal("AWS/SQS", alarm.GetProperty("Namespace").GetString());
        var queueId = stack.Resources("AWS::SQS::Queue").Keys.Single();
        Assert.Equal(queueId, alarm.GetProperty("Dimensions")[0].GetProperty("Value").GetProperty("Fn::GetAtt")[0].GetString());
        Assert.Equal(1, alarm.GetProperty("Threshold").GetDouble());
        Assert.Equal("GreaterThanOrEqualToThreshold", alarm.GetProperty("ComparisonOperator").GetString());
        Assert.Equal("notBreaching", alarm.GetProperty("TreatMissingData").GetString());
        Assert.Equal(TopicId, alarm.GetProperty("AlarmActions")[0].GetProperty("Ref").GetString());
    }

    private static JsonElement Event(string status, string queueArn) => JsonDocument.Parse($$"""
        {
          "version": "0", "id": "c8f9c4b5-76e5-d76a-f980-7011e206042b", "detail-type": "Batch Job State Change",
          "source": "aws.batch", "account": "123456789012", "time": "2026-11-21T18:04:10Z", "region": "eu-west-1",
          "resources": ["arn:aws:batch:eu-west-1:123456789012:job/4c7599ae-0a82-49aa-ba5a-4727fcce14a8"],
          "detail": { "jobName": "batchsync-shop_daily-scheduled", "jobId": "4c7599ae-0a82-49aa-ba5a-4727fcce14a8",
                      "jobQueue": "{{queueArn}}", "status": "{{status}}", "statusReason": "OutOfMemoryError: Container killed due to memory usage",
                      "jobDefinition": "arn:aws:batch:eu-west-1:123456789012:job-definition/batchsync-run:3" }
        }
        """).RootElement;

    /// <summary>EventBridge matching for the pattern's shape (lists of exact values, nested maps); the queue ARN stands in for its Fn::GetAtt.</summary>
    private static bool Matches(JsonElement pattern, JsonElement message, string queueArn) => pattern.EnumerateObject().All(field =>
        message.TryGetProperty(field.Name, out var value) && (field.Value.ValueKind == JsonValueKind.Object
            ? Matches(field.Value, value, queueArn)
            : field.Value.EnumerateArray().Any(allowed => (allowed.ValueKind == JsonValueKind.String ? allowed.GetString() : queueArn) == value.GetString())));

    private static List<string?> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()).ToList();
}
