using Amazon.CDK;
using BatchSync.Infra.Alerts;
using BatchSync.Infra.Compute;
using BatchSync.Infra.Configuration;
using BatchSync.Infra.Delivery;
using BatchSync.Infra.Images;
using BatchSync.Infra.Jobs;
using BatchSync.Infra.Logging;
using BatchSync.Infra.Network;
using BatchSync.Infra.Scheduling;
using BatchSync.Infra.Storage;
using BatchSync.Infra.Workflows;
using Constructs;

namespace BatchSync.Infra;

/// <summary>
/// Everything BatchSync needs in one AWS account and region: image repository, staging bucket, logs, Fargate
/// compute and queue, the run and work job definitions with their roles, a schedule rule per scheduled workflow,
/// failure alerts (an SNS topic), and (with a source) the CI project. docs/deploy.md describes each part.
/// </summary>
public sealed class BatchSyncStack : Stack
{
    private BatchSyncStack(Construct scope, StackSettings settings, IReadOnlyList<ScheduledWorkflow> workflows)
        : base(scope, settings.StackName, new StackProps
        {
            Env = settings.Account is null && settings.Region is null
                ? null
                : new Amazon.CDK.Environment { Account = settings.Account, Region = settings.Region },
            Description = "BatchSync: MySQL to BigQuery on AWS Batch (Fargate)",
        })
    {
        var network = new JobNetwork(this, "Network", settings);
        var images = new ImageRepository(this, "Images", settings);
        var staging = new StagingBucket(this, "Staging", settings);
        var logs = new JobLogGroup(this, "Logs", settings);
        var compute = new BatchCompute(this, "Compute", settings, network);
        var roles = new JobRoles(this, "Roles", new JobRoleResources(settings, images, logs, staging, compute.JobQueueArn));
        var jobs = new JobDefinitions(this, "Jobs", new JobDefinitionResources(settings, images.ImageUri, roles, compute.JobQueueArn, logs.Name));
        var schedules = workflows.Count > 0 ? new WorkflowSchedules(this, "Schedules", new ScheduleResources(settings, workflows, compute.JobQueueArn)) : null;
        var alerts = new FailureAlerts(this, "Alerts", settings, compute.JobQueueArn, schedules?.DeadLetters);

        if (settings.CiSource is not null)
        {
            var ci = new CiProject(this, "Ci", new CiResources(settings, images.Repository, [roles.Execution.RoleArn, roles.Run.RoleArn, roles.Work.RoleArn]));
            _ = new CfnOutput(this, "CiProjectName", new CfnOutputProps { Value = ci.Project.ProjectName, Description = "CodeBuild project run on every merge" });
        }

        Output("StagingBucketName", staging.Bucket.BucketName, "Staging bucket");
        Output("StagingUri", staging.StagingUri, "staging.uri for workflow files");
        Output("JobQueueArn", compute.JobQueueArn, "Job queue of the run and work jobs");
        Output("RunJobDefinitionName", jobs.Run.JobDefinitionName!, "Submit this job definition to run a workflow");
        Output("WorkJobDefinitionName", jobs.Work.JobDefinitionName!, "Job definition of the lanes (submitted by the run job)");
        Output("RepositoryUri", images.Repository.RepositoryUri, "ECR repository of the BatchSync image");
        Output("AlertTopicArn", alerts.Topic.TopicArn, "SNS topic of failed jobs and missed schedules: subscribe e-mail or AWS Chatbot");
        Output("JobSecurityGroupId", network.SecurityGroupId, "Security group of the jobs: allow it into the MySQL source");
        Output("RunJobRoleArn", roles.Run.RoleArn, "Role of the run job: trust it in the Google workload identity pool (docs/deploy.md)");
        Output("WorkJobRoleArn", roles.Work.RoleArn, "Role of the work jobs: trust it in the Google workload identity pool (docs/deploy.md)");
    }

    /// <summary>
    /// Validates <paramref name="settings"/> and the workflow schedules first, then builds the stack in
    /// <paramref name="scope"/>.
    /// </summary>
    /// <exception cref="InvalidSettingsException">Lists every problem with the settings or the workflow files.</exception>
    public static BatchSyncStack Create(Construct scope, StackSettings settings)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(settings);
        StackSettingsValidator.EnsureValid(settings);
        var workflows = WorkflowScheduleReader.Read(settings.WorkflowsFolder);
        if (WorkflowSchedules.CheckNames(settings, workflows) is { Count: > 0 } problems)
        {
            throw new InvalidSettingsException(problems);
        }

        return new BatchSyncStack(scope, settings, workflows);
    }

    private void Output(string id, string value, string description) =>
        _ = new CfnOutput(this, id, new CfnOutputProps { Value = value, Description = description });
}
