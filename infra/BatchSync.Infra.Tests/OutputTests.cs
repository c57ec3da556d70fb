using System.Text.Json;
using BatchSync.Infra.Tests.Support;

namespace BatchSync.Infra.Tests;

[Collection(DefaultStackCollection.Name)]
public sealed class OutputTests(DefaultStackFixture fixture)
{
    private readonly SynthesizedStack stack = fixture.Stack;

    private JsonElement Outputs => stack.Json.GetProperty("Outputs");

    [Fact]
    public void Names_what_operators_and_workflow_files_need()
    {
        var names = Outputs.EnumerateObject().Select(o => o.Name).Order();

        Assert.Equal(
            ["AlertTopicArn", "CiProjectName", "JobQueueArn", "JobSecurityGroupId", "RepositoryUri", "RunJobDefinitionName", "RunJobRoleArn", "StagingBucketName", "StagingUri", "WorkJobDefinitionName", "WorkJobRoleArn"],
            names);
    }

    [Fact]
    public void Refers_to_the_resources_of_this_stack()
    {
        Assert.Equal(stack.Resources("AWS::S3::Bucket").Keys.Single(), Outputs.GetProperty("StagingBucketName").GetProperty("Value").GetProperty("Ref").GetString());
        Assert.Equal(stack.Resources("AWS::Batch::JobQueue").Keys.Single(), Outputs.GetProperty("JobQueueArn").GetProperty("Value").GetProperty("Fn::GetAtt")[0].GetString());
        Assert.Equal(stack.Resources("AWS::EC2::SecurityGroup").Keys.Single(), Outputs.GetProperty("JobSecurityGroupId").GetProperty("Value").GetProperty("Fn::GetAtt")[0].GetString());
        Assert.Equal(stack.Resources("AWS::SNS::Topic").Keys.Single(), Outputs.GetProperty("AlertTopicArn").GetProperty("Value").GetProperty("Ref").GetString());
        Assert.Equal("batchsync-run", Outputs.GetProperty("RunJobDefinitionName").GetProperty("Value").GetString());
        Assert.Equal("batchsync-work", Outputs.GetProperty("WorkJobDefinitionName").GetProperty("Value").GetString());
        Assert.Contains(stack.Resources("AWS::ECR::Repository").Keys.Single(), Outputs.GetProperty("RepositoryUri").GetProperty("Value").GetRawText(), StringComparison.Ordinal);
    }
}
