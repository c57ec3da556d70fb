using Amazon.CDK.AWS.Batch;
using BatchSync.Infra.Configuration;
using BatchSync.Infra.Network;
using Constructs;

namespace BatchSync.Infra.Compute;

/// <summary>
/// A managed Fargate compute environment and the job queue both job definitions are submitted to. Batch scales
/// Fargate capacity to the queued jobs, up to <see cref="StackSettings.MaxVcpus"/>, and to nothing when idle.
/// </summary>
public sealed class BatchCompute : Construct
{
    public BatchCompute(Construct scope, string id, StackSettings settings, JobNetwork network)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(network);
        // Unnamed on purpose: CloudFormation can then replace the environment when a change requires it.
        var environment = new CfnComputeEnvironment(this, "FargateEnvironment", new CfnComputeEnvironmentProps
        {
            Type = "MANAGED",
            State = "ENABLED",
            ComputeResources = new CfnComputeEnvironment.ComputeResourcesProperty
            {
                Type = "FARGATE",
                MaxvCpus = settings.MaxVcpus,
                Subnets = network.SubnetIds,
                SecurityGroupIds = [network.SecurityGroupId],
            },
        });
        var queue = new CfnJobQueue(this, "Queue", new CfnJobQueueProps
        {
            JobQueueName = settings.JobQueueName,
            Priority = 1,
            State = "ENABLED",
            ComputeEnvironmentOrder = new[]
            {
                new CfnJobQueue.ComputeEnvironmentOrderProperty { ComputeEnvironment = environment.AttrComputeEnvironmentArn, Order = 1 },
            },
        });
        JobQueueArn = queue.AttrJobQueueArn;
    }

    public string JobQueueArn { get; }
}
