using System.Globalization;
using Amazon.CDK;
using Amazon.CDK.AWS.Batch;
using Constructs;

namespace BatchSync.Infra.Jobs;

/// <summary>
/// The run and work job definitions of docs/aws.md: one image, two sizes. The run job plans and submits the work
/// array job, so it is told the queue, the work job definition and the attempts per child.
/// </summary>
public sealed class JobDefinitions : Construct
{
    /// <summary>The placeholder of the run job's command; EventBridge and on-demand submissions fill it in.</summary>
    public const string WorkflowParameter = "workflow";

    /// <summary>Batch retries a run job that dies; the retry re-attaches to its work jobs (docs/aws.md).</summary>
    public const int RunAttempts = 2;

    public JobDefinitions(Construct scope, string id, JobDefinitionResources resources)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var settings = resources.Settings;
        Run = Define("Run", settings.RunJobDefinitionName, resources, new JobShape(
            Command: ["run", "Ref::" + WorkflowParameter],
            Vcpus: 0.25m,
            MemoryMiB: 512,
            Attempts: RunAttempts,
            JobRoleArn: resources.Roles.Run.RoleArn,
            LogStreamPrefix: "run",
            Environment: new Dictionary<string, string>
            {
                ["BATCHSYNC_JOB_QUEUE"] = resources.JobQueueArn,
                ["BATCHSYNC_WORK_JOB_DEFINITION"] = settings.WorkJobDefinitionName,
                ["BATCHSYNC_WORK_ATTEMPTS"] = settings.WorkAttempts.ToString(CultureInfo.InvariantCulture),
                // The run report links each lane's log lines in this group.
                ["BATCHSYNC_LOG_GROUP"] = resources.LogGroupName,
            }));
        // The run job sets the work command (work <manifest> --lane N) when it submits; this one only documents it.
        Work = Define("Work", settings.WorkJobDefinitionName, resources, new JobShape(
            Command: ["work"],
            Vcpus: settings.WorkVcpus,
            MemoryMiB: settings.WorkMemoryMiB,
            Attempts: settings.WorkAttempts,
            JobRoleArn: resources.Roles.Work.RoleArn,
            LogStreamPrefix: "work",
            Environment: new Dictionary<string, string>()));
    }

    public CfnJobDefinition Run { get; }

    public CfnJobDefinition Work { get; }

    private CfnJobDefinition Define(string id, string name, JobDefinitionResources resources, JobShape shape)
    {
        var settings = resources.Settings;
        return new CfnJobDefinition(this, id, new CfnJobDefinitionProps
        {
            JobDefinitionName = name,
            Type = "container",
            PlatformCapabilities = ["FARGATE"],
            PropagateTags = true,
            RetryStrategy = new CfnJobDefinition.RetryStrategyProperty { Attempts = shape.Attempts },
            ContainerProperties = new CfnJobDefinition.ContainerPropertiesProperty
            {
                Image = resources.ImageUri,
                Command = shape.Command,
                ResourceRequirements = new[]
                {
                    new CfnJobDefinition.ResourceRequirementProperty { Type = "VCPU", Value = shape.Vcpus.ToString(CultureInfo.InvariantCulture) },
                    new CfnJobDefinition.ResourceRequirementProperty { Type = "MEMORY", Value = shape.MemoryMiB.ToString(CultureInfo.InvariantCulture) },
                },
                Environment = shape.Environment
                    .Select(e => new CfnJobDefinition.EnvironmentProperty { Name = e.Key, Value = e.Value })
                    .ToArray(),
                ExecutionRoleArn = resources.Roles.Execution.RoleArn,
                JobRoleArn = shape.JobRoleArn,
                FargatePlatformConfiguration = new CfnJobDefinition.FargatePlatformConfigurationProperty { PlatformVersion = "LATEST" },
                NetworkConfiguration = new CfnJobDefinition.NetworkConfigurationProperty
                {
                    AssignPublicIp = settings.JobsGetPublicIp ? "ENABLED" : "DISABLED",
                },
                LogConfiguration = new CfnJobDefinition.LogConfigurationProperty
                {
                    LogDriver = "awslogs",
                    Options = new Dictionary<string, string>
                    {
                        ["awslogs-group"] = resources.LogGroupName,
                        ["awslogs-region"] = Stack.Of(this).Region,
                        ["awslogs-stream-prefix"] = shape.LogStreamPrefix,
                    },
                },
            },
        });
    }

    private sealed record JobShape(
        string[] Command,
        decimal Vcpus,
        int MemoryMiB,
        int Attempts,
        string JobRoleArn,
        string LogStreamPrefix,
        IReadOnlyDictionary<string, string> Environment);
}
