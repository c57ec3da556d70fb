using BatchSync.Infra.Tests.Support;

namespace BatchSync.Infra.Tests;

[Collection(DefaultStackCollection.Name)]
public sealed class BatchComputeTests(DefaultStackFixture fixture)
{
    private readonly SynthesizedStack stack = fixture.Stack;

    [Fact]
    public void Runs_jobs_on_a_managed_Fargate_environment_capped_at_the_configured_vcpus()
    {
        stack.Template.ResourceCountIs("AWS::Batch::ComputeEnvironment", 1);
        stack.Template.HasResourceProperties("AWS::Batch::ComputeEnvironment", new Dictionary<string, object>
        {
            ["Type"] = "MANAGED",
            ["State"] = "ENABLED",
            ["ComputeResources"] = new Dictionary<string, object> { ["Type"] = "FARGATE", ["MaxvCpus"] = 24 },
        });
    }

    [Fact]
    public void Places_jobs_in_the_created_public_subnets_behind_an_outbound_only_security_group()
    {
        var resources = stack.Resources("AWS::Batch::ComputeEnvironment").Values.Single().GetProperty("Properties").GetProperty("ComputeResources");
        var subnetRefs = resources.GetProperty("Subnets").EnumerateArray().Select(s => s.GetProperty("Ref").GetString()).ToList();
        Assert.Equal(2, subnetRefs.Count);
        Assert.All(subnetRefs, id => Assert.True(stack.Resources("AWS::EC2::Subnet").ContainsKey(id!), $"{id} is not a subnet of this stack"));

        var securityGroup = stack.Resources("AWS::EC2::SecurityGroup").Values.Single().GetProperty("Properties");
        Assert.False(securityGroup.TryGetProperty("SecurityGroupIngress", out _), "nothing calls the jobs");
        Assert.Equal("-1", securityGroup.GetProperty("SecurityGroupEgress")[0].GetProperty("IpProtocol").GetString());
        stack.Template.ResourceCountIs("AWS::EC2::NatGateway", 0);
    }

    [Fact]
    public void Has_one_named_queue_in_front_of_the_environment()
    {
        stack.Template.ResourceCountIs("AWS::Batch::JobQueue", 1);
        var queue = stack.Resources("AWS::Batch::JobQueue").Values.Single().GetProperty("Properties");
        Assert.Equal("batchsync-queue", queue.GetProperty("JobQueueName").GetString());
        var environmentId = queue.GetProperty("ComputeEnvironmentOrder")[0].GetProperty("ComputeEnvironment").GetProperty("Fn::GetAtt")[0].GetString();
        Assert.Equal(stack.Resources("AWS::Batch::ComputeEnvironment").Keys.Single(), environmentId);
    }

    [Fact]
    public void Keeps_a_scanned_repository_of_a_bounded_number_of_images()
    {
        var repository = stack.Resources("AWS::ECR::Repository").Values.Single().GetProperty("Properties");
        Assert.Equal("batchsync", repository.GetProperty("RepositoryName").GetString());
        Assert.True(repository.GetProperty("ImageScanningConfiguration").GetProperty("ScanOnPush").GetBoolean());
        var policy = repository.GetProperty("LifecyclePolicy").GetProperty("LifecyclePolicyText").GetString()!;
        Assert.Contains("\"countType\":\"imageCountMoreThan\"", policy, StringComparison.Ordinal);
        Assert.Contains("\"countNumber\":12", policy, StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_job_logs_for_the_configured_days()
    {
        stack.Template.HasResourceProperties("AWS::Logs::LogGroup", new Dictionary<string, object>
        {
            ["LogGroupName"] = "/aws/batch/batchsync",
            ["RetentionInDays"] = 90,
        });
    }
}
