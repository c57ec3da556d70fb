using System.Text.Json;
using BatchSync.Infra.Tests.Support;

namespace BatchSync.Infra.Tests;

[Collection(DefaultStackCollection.Name)]
public sealed class JobDefinitionTests(DefaultStackFixture fixture)
{
    private readonly SynthesizedStack stack = fixture.Stack;

    private JsonElement Run => Definition("batchsync-run");

    private JsonElement Work => Definition("batchsync-work");

    [Fact]
    public void Defines_exactly_the_run_and_work_jobs_on_Fargate()
    {
        stack.Template.ResourceCountIs("AWS::Batch::JobDefinition", 2);
        foreach (var definition in new[] { Run, Work })
        {
            Assert.Equal("container", definition.GetProperty("Type").GetString());
            Assert.Equal(["FARGATE"], definition.GetProperty("PlatformCapabilities").EnumerateArray().Select(p => p.GetString()));
            var container = definition.GetProperty("ContainerProperties");
            Assert.Equal("LATEST", container.GetProperty("FargatePlatformConfiguration").GetProperty("PlatformVersion").GetString());
            Assert.Equal("ENABLED", container.GetProperty("NetworkConfiguration").GetProperty("AssignPublicIp").GetString());
        }
    }

    [Fact]
    public void Run_job_is_small_runs_the_workflow_parameter_and_is_retried_once()
    {
        var container = Run.GetProperty("ContainerProperties");
        Assert.Equal(("0.25", "512"), Size(container));
        Assert.Equal(["run", "Ref::workflow"], container.GetProperty("Command").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(2, Run.GetProperty("RetryStrategy").GetProperty("Attempts").GetInt32());
    }

    [Fact]
    public void Run_job_is_told_the_queue_the_work_job_definition_and_the_attempts_per_child()
    {
        var environment = Run.GetProperty("ContainerProperties").GetProperty("Environment").EnumerateArray()
            .ToDictionary(e => e.GetProperty("Name").GetString()!, e => e.GetProperty("Value"));

        Assert.Equal(["BATCHSYNC_JOB_QUEUE", "BATCHSYNC_LOG_GROUP", "BATCHSYNC_WORK_ATTEMPTS", "BATCHSYNC_WORK_JOB_DEFINITION"], environment.Keys.Order());
        Assert.Equal("/aws/batch/batchsync", environment["BATCHSYNC_LOG_GROUP"].GetString());
        var queueId = stack.Resources("AWS::Batch::JobQueue").Keys.Single();
        Assert.Equal($"[\"{queueId}\",\"JobQueueArn\"]", environment["BATCHSYNC_JOB_QUEUE"].GetProperty("Fn::GetAtt").GetRawText());
        Assert.Equal("batchsync-work", environment["BATCHSYNC_WORK_JOB_DEFINITION"].GetString());
        Assert.Equal("3", environment["BATCHSYNC_WORK_ATTEMPTS"].GetString());
    }

    [Fact]
    public void Work_job_has_the_default_lane_size_and_the_attempts_per_child()
    {
        var container = Work.GetProperty("ContainerProperties");
        Assert.Equal(("2", "4096"), Size(container));
        Assert.Equal(3, Work.GetProperty("RetryStrategy").GetProperty("Attempts").GetInt32());
    }

    [Fact]
    public void Both_jobs_run_the_repository_image_and_log_to_the_job_log_group()
    {
        var repositoryId = stack.Resources("AWS::ECR::Repository").Keys.Single();
        foreach (var (definition, prefix) in new[] { (Run, "run"), (Work, "work") })
        {
            var container = definition.GetProperty("ContainerProperties");
            var image = container.GetProperty("Image").GetRawText();
            Assert.Contains($"{{\"Ref\":\"{repositoryId}\"}}", image, StringComparison.Ordinal);
            Assert.EndsWith(":latest\"]]}", image, StringComparison.Ordinal);

            var logs = container.GetProperty("LogConfiguration");
            Assert.Equal("awslogs", logs.GetProperty("LogDriver").GetString());
            Assert.Equal("/aws/batch/batchsync", logs.GetProperty("Options").GetProperty("awslogs-group").GetString());
            Assert.Equal(prefix, logs.GetProperty("Options").GetProperty("awslogs-stream-prefix").GetString());
        }
    }

    [Fact]
    public void Each_job_assumes_its_own_role_and_both_share_the_execution_role()
    {
        string Role(JsonElement definition, string property) =>
            definition.GetProperty("ContainerProperties").GetProperty(property).GetProperty("Fn::GetAtt")[0].GetString()!;

        Assert.Equal(stack.RoleId("RolesRun"), Role(Run, "JobRoleArn"));
        Assert.Equal(stack.RoleId("RolesWork"), Role(Work, "JobRoleArn"));
        Assert.Equal(stack.RoleId("RolesExecution"), Role(Run, "ExecutionRoleArn"));
        Assert.Equal(stack.RoleId("RolesExecution"), Role(Work, "ExecutionRoleArn"));
    }

    private JsonElement Definition(string name) =>
        stack.Resources("AWS::Batch::JobDefinition").Values
            .Select(r => r.GetProperty("Properties"))
            .Single(p => p.GetProperty("JobDefinitionName").GetString() == name);

    private static (string Vcpu, string Memory) Size(JsonElement container)
    {
        var requirements = container.GetProperty("ResourceRequirements").EnumerateArray()
            .ToDictionary(r => r.GetProperty("Type").GetString()!, r => r.GetProperty("Value").GetString()!);
        return (requirements["VCPU"], requirements["MEMORY"]);
    }
}
