using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SQS;
using BatchSync.Infra.Configuration;
using Constructs;
using CfnRule = Amazon.CDK.AWS.Events.CfnRule;
using CfnRuleProps = Amazon.CDK.AWS.Events.CfnRuleProps;

namespace BatchSync.Infra.Alerts;

/// <summary>
/// Alerts that do not depend on a BatchSync process being alive: an EventBridge rule on AWS Batch "Batch Job State
/// Change" events with status FAILED for the stack's job queue (a run job killed by OOM, a Fargate capacity error,
/// a crash, or a run that failed), and an alarm on the schedule dead-letter queue (a scheduled run that was never
/// submitted). Both publish to one SNS topic; subscribe e-mail or AWS Chatbot to it.
/// </summary>
public sealed class FailureAlerts : Construct
{
    public FailureAlerts(Construct scope, string id, StackSettings settings, string jobQueueArn, Queue? scheduleDeadLetters)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Topic = new Topic(this, "Topic", new TopicProps
        {
            TopicName = $"{settings.NamePrefix}-alerts",
            DisplayName = $"{settings.NamePrefix} failures",
            EnforceSSL = true,
        });
        FailedJobs = new CfnRule(this, "FailedJobs", new CfnRuleProps
        {
            Name = $"{settings.NamePrefix}-failed-jobs",
            Description = $"A job on {settings.JobQueueName} failed",
            State = "ENABLED",
            EventPattern = FailedJobPattern(jobQueueArn),
            Targets = new[] { new CfnRule.TargetProperty { Id = "alerts", Arn = Topic.TopicArn } },
        });
        Topic.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "FailedJobRulePublishes",
            Principals = [new ServicePrincipal("events.amazonaws.com")],
            Actions = ["sns:Publish"],
            Resources = [Topic.TopicArn],
            Conditions = new Dictionary<string, object> { ["ArnEquals"] = new Dictionary<string, object> { ["aws:SourceArn"] = FailedJobs.AttrArn } },
        }));

        if (scheduleDeadLetters is not null)
        {
            DeadLetterAlarm = new Alarm(this, "ScheduleDeadLetters", new AlarmProps
            {
                AlarmName = $"{settings.NamePrefix}-schedule-dead-letters",
                AlarmDescription = "A scheduled run could not be submitted to AWS Batch: its event is in the schedule dead-letter queue.",
                Metric = scheduleDeadLetters.MetricApproximateNumberOfMessagesVisible(new MetricOptions { Period = Amazon.CDK.Duration.Minutes(5), Statistic = "Maximum" }),
                Threshold = 1,
                ComparisonOperator = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
                EvaluationPeriods = 1,
                TreatMissingData = TreatMissingData.NOT_BREACHING,
            });
            DeadLetterAlarm.AddAlarmAction(new Amazon.CDK.AWS.CloudWatch.Actions.SnsAction(Topic));
            // A topic policy replaces SNS's default one, so CloudWatch needs its own grant to publish alarm changes.
            Topic.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
            {
                Sid = "DeadLetterAlarmPublishes",
                Principals = [new ServicePrincipal("cloudwatch.amazonaws.com")],
                Actions = ["sns:Publish"],
                Resources = [Topic.TopicArn],
                Conditions = new Dictionary<string, object> { ["ArnEquals"] = new Dictionary<string, object> { ["aws:SourceArn"] = DeadLetterAlarm.AlarmArn } },
            }));
        }
    }

    public Topic Topic { get; }

    public CfnRule FailedJobs { get; }

    public Alarm? DeadLetterAlarm { get; }

    /// <summary>
    /// The documented shape of the event: source aws.batch, detail-type "Batch Job State Change", detail.status and
    /// detail.jobQueue (the queue's ARN).
    /// </summary>
    private static Dictionary<string, object> FailedJobPattern(string jobQueueArn) => new()
    {
        ["source"] = new[] { "aws.batch" },
        ["detail-type"] = new[] { "Batch Job State Change" },
        ["detail"] = new Dictionary<string, object>
        {
            ["status"] = new[] { "FAILED" },
            ["jobQueue"] = new[] { jobQueueArn },
        },
    };
}
