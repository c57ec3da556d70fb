using System.Text.RegularExpressions;
using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.SQS;
using BatchSync.Infra.Configuration;
using BatchSync.Infra.Jobs;
using BatchSync.Infra.Workflows;
using Constructs;
using CfnRule = Amazon.CDK.AWS.Events.CfnRule;
using CfnRuleProps = Amazon.CDK.AWS.Events.CfnRuleProps;

namespace BatchSync.Infra.Scheduling;

/// <summary>
/// One EventBridge rule per workflow with a <c>schedule</c>, submitting the run job. Deliveries that still fail after
/// the retry policy land in a dead-letter queue, so a missed schedule is visible instead of silent.
/// </summary>
public sealed partial class WorkflowSchedules : Construct
{
    /// <summary>EventBridge retries a failed SubmitJob this many times, within <see cref="MaximumEventAge"/>.</summary>
    public const int MaximumRetryAttempts = 10;

    /// <summary>A schedule more than an hour late is left to the dead-letter queue rather than started.</summary>
    public static readonly TimeSpan MaximumEventAge = TimeSpan.FromHours(1);

    public WorkflowSchedules(Construct scope, string id, ScheduleResources resources)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var settings = resources.Settings;
        DeadLetters = new Queue(this, "DeadLetters", new QueueProps
        {
            QueueName = $"{settings.NamePrefix}-schedule-dead-letters",
            RetentionPeriod = Duration.Days(14),
            Encryption = QueueEncryption.SQS_MANAGED,
            EnforceSSL = true,
        });
        SubmitRole = new Role(this, "SubmitRole", new RoleProps
        {
            AssumedBy = new ServicePrincipal("events.amazonaws.com"),
            Description = $"{settings.NamePrefix} schedules: submit the run job",
        });
        SubmitRole.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "SubmitRunJobs",
            Actions = ["batch:SubmitJob"],
            Resources = [resources.JobQueueArn, .. BatchArns.JobDefinition(Stack.Of(this), settings.RunJobDefinitionName)],
        }));

        Rules = resources.Workflows.Select(workflow => Schedule(workflow, resources)).ToList();
        DeadLetters.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "ScheduleRulesDeliverDeadLetters",
            Principals = [new ServicePrincipal("events.amazonaws.com")],
            Actions = ["sqs:SendMessage"],
            Resources = [DeadLetters.QueueArn],
            Conditions = new Dictionary<string, object>
            {
                ["ArnEquals"] = new Dictionary<string, object> { ["aws:SourceArn"] = Rules.Select(r => r.AttrArn).ToArray() },
            },
        }));
    }

    public Queue DeadLetters { get; }

    public Role SubmitRole { get; }

    public IReadOnlyList<CfnRule> Rules { get; }

    private CfnRule Schedule(ScheduledWorkflow workflow, ScheduleResources resources)
    {
        var settings = resources.Settings;
        return new CfnRule(this, "Schedule-" + workflow.Name, new CfnRuleProps
        {
            Name = RuleName(settings, workflow),
            Description = $"Runs workflow {workflow.Name} on {workflow.Schedule} (UTC)",
            ScheduleExpression = workflow.Schedule,
            State = "ENABLED",
            Targets = new[]
            {
                new CfnRule.TargetProperty
                {
                    Id = "run-job",
                    Arn = resources.JobQueueArn,
                    RoleArn = SubmitRole.RoleArn,
                    BatchParameters = new CfnRule.BatchParametersProperty
                    {
                        // By name: the latest active revision, which CI keeps pointing at the newest image.
                        JobDefinition = settings.RunJobDefinitionName,
                        JobName = JobName($"{settings.NamePrefix}-{workflow.Name}-scheduled"),
                    },
                    InputTransformer = new CfnRule.InputTransformerProperty
                    {
                        InputPathsMap = new Dictionary<string, string> { [RunJobInput.TimeVariable] = RunJobInput.TimePath },
                        InputTemplate = RunJobInput.Template(workflow.Argument),
                    },
                    RetryPolicy = new CfnRule.RetryPolicyProperty
                    {
                        MaximumRetryAttempts = MaximumRetryAttempts,
                        MaximumEventAgeInSeconds = (int)MaximumEventAge.TotalSeconds,
                    },
                    DeadLetterConfig = new CfnRule.DeadLetterConfigProperty { Arn = DeadLetters.QueueArn },
                },
            },
        });
    }

    /// <summary>The rule's name; <see cref="CheckNames"/> has made sure it fits.</summary>
    public static string RuleName(StackSettings settings, ScheduledWorkflow workflow)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(workflow);
        return $"{settings.NamePrefix}-{workflow.Name}";
    }

    /// <summary>Problems with the rule names EventBridge would be given (at most 64 characters).</summary>
    public static IReadOnlyList<string> CheckNames(StackSettings settings, IReadOnlyList<ScheduledWorkflow> workflows)
    {
        ArgumentNullException.ThrowIfNull(workflows);
        return workflows
            .Select(w => RuleName(settings, w))
            .Where(name => name.Length > 64)
            .Select(name => $"schedule rule name '{name}' is longer than the 64 characters EventBridge allows; shorten namePrefix or the workflow's name")
            .ToList();
    }

    /// <summary>Batch job names take up to 128 letters, digits, '-' and '_'.</summary>
    private static string JobName(string text) => Truncate(UnsafeJobNameCharacters().Replace(text, "_"), 128);

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    [GeneratedRegex("[^A-Za-z0-9_-]")]
    private static partial Regex UnsafeJobNameCharacters();
}
