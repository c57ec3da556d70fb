using System.Text.Json;
using Amazon.CDK.Assertions;
using BatchSync.Infra.Tests.Support;

namespace BatchSync.Infra.Tests;

[Collection(DefaultStackCollection.Name)]
public sealed class JobRoleTests(DefaultStackFixture fixture)
{
    /// <summary>Actions IAM only accepts with "*" (they take no resource), or that have no narrower resource.</summary>
    private static readonly HashSet<string> ActionsWithoutResources =
        ["ecr:GetAuthorizationToken", "batch:DescribeJobs", "batch:ListJobs", "batch:DescribeJobDefinitions"];

    private readonly SynthesizedStack stack = fixture.Stack;

    [Fact]
    public void Only_actions_without_resource_level_permissions_are_granted_on_star()
    {
        var starred = stack.PolicyStatements()
            .Where(s => SynthesizedStack.ResourceTexts(s.Statement).Contains("*"))
            .SelectMany(s => SynthesizedStack.Actions(s.Statement))
            .ToHashSet();

        Assert.Subset(ActionsWithoutResources, starred);
    }

    [Fact]
    public void Run_role_submits_only_to_the_queue_and_the_work_job_definition()
    {
        var submit = Assert.Single(Statements("RolesRun"), s => SynthesizedStack.Actions(s).Contains("batch:SubmitJob"));
        var resources = SynthesizedStack.ResourceTexts(submit);

        Assert.Equal(3, resources.Count);
        Assert.Contains(resources, r => r.Contains(stack.Resources("AWS::Batch::JobQueue").Keys.Single(), StringComparison.Ordinal) && r.Contains("JobQueueArn", StringComparison.Ordinal));
        Assert.Contains(resources, r => r.EndsWith(":job-definition/batchsync-work\"]]}", StringComparison.Ordinal));
        Assert.Contains(resources, r => r.EndsWith(":job-definition/batchsync-work:*\"]]}", StringComparison.Ordinal));
        Assert.DoesNotContain(resources, r => r.Contains("batchsync-run", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_role_may_watch_tag_and_stop_jobs()
    {
        var actions = Statements("RolesRun").SelectMany(SynthesizedStack.Actions).ToHashSet();

        Assert.Superset(new HashSet<string> { "batch:DescribeJobs", "batch:ListJobs", "batch:TerminateJob", "batch:TagResource" }, actions);
        var terminate = Statements("RolesRun").Single(s => SynthesizedStack.Actions(s).Contains("batch:TerminateJob"));
        Assert.EndsWith(":job/*\"]]}", Assert.Single(SynthesizedStack.ResourceTexts(terminate)), StringComparison.Ordinal);
    }

    [Fact]
    public void Work_role_cannot_use_Batch()
    {
        var actions = Statements("RolesWork").SelectMany(SynthesizedStack.Actions);

        Assert.DoesNotContain(actions, a => a.StartsWith("batch:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("RolesRun")]
    [InlineData("RolesWork")]
    public void Job_roles_reach_only_the_staging_prefix(string role)
    {
        var bucketId = stack.Resources("AWS::S3::Bucket").Keys.Single();
        var s3 = Statements(role).Where(s => SynthesizedStack.Actions(s).Any(a => a.StartsWith("s3:", StringComparison.Ordinal))).ToList();

        var objects = Assert.Single(s3, s => SynthesizedStack.Actions(s).Contains("s3:PutObject"));
        Assert.Equal(["s3:AbortMultipartUpload", "s3:DeleteObject", "s3:GetObject", "s3:PutObject"], SynthesizedStack.Actions(objects).Order());
        var objectResource = Assert.Single(SynthesizedStack.ResourceTexts(objects));
        Assert.Contains(bucketId, objectResource, StringComparison.Ordinal);
        Assert.EndsWith("\"/batchsync/*\"]]}", objectResource, StringComparison.Ordinal);

        var list = Assert.Single(s3, s => SynthesizedStack.Actions(s).Contains("s3:ListBucket"));
        Assert.Equal("batchsync/*", list.GetProperty("Condition").GetProperty("StringLike").GetProperty("s3:prefix")[0].GetString());
        var uploads = Assert.Single(s3, s => SynthesizedStack.Actions(s).Contains("s3:ListBucketMultipartUploads"));
        Assert.Equal(["s3:ListBucketMultipartUploads"], SynthesizedStack.Actions(uploads));
        Assert.DoesNotContain("/", Assert.Single(SynthesizedStack.ResourceTexts(uploads)), StringComparison.Ordinal);
        Assert.Equal(3, s3.Count);
    }

    [Theory]
    [InlineData("RunJobRoleArn", "RolesRun")]
    [InlineData("WorkJobRoleArn", "RolesWork")]
    public void The_job_role_arns_are_output_for_the_workload_identity_pool_condition(string output, string role)
    {
        stack.Template.HasOutput(output, new Dictionary<string, object>
        {
            ["Value"] = new Dictionary<string, object> { ["Fn::GetAtt"] = new object[] { Match.StringLikeRegexp("^" + role), "Arn" } },
        });
    }

    [Theory]
    [InlineData("RolesRun")]
    [InlineData("RolesWork")]
    public void Job_roles_read_only_the_configured_secrets(string role)
    {
        var secrets = Assert.Single(Statements(role), s => SynthesizedStack.Actions(s).Any(a => a.StartsWith("secretsmanager:", StringComparison.Ordinal)));

        Assert.Equal(["secretsmanager:GetSecretValue"], SynthesizedStack.Actions(secrets));
        Assert.EndsWith(":secret:batchsync/*\"]]}", Assert.Single(SynthesizedStack.ResourceTexts(secrets)), StringComparison.Ordinal);
    }

    [Fact]
    public void Execution_role_pulls_the_image_and_writes_logs_only()
    {
        var statements = Statements("RolesExecution");
        var actions = statements.SelectMany(SynthesizedStack.Actions).ToHashSet();

        Assert.Equal(
            ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetAuthorizationToken", "ecr:GetDownloadUrlForLayer", "logs:CreateLogStream", "logs:PutLogEvents"],
            actions.Order());
        var logs = statements.Single(s => SynthesizedStack.Actions(s).Contains("logs:PutLogEvents"));
        Assert.Contains(stack.Resources("AWS::Logs::LogGroup").Keys.Single(), Assert.Single(SynthesizedStack.ResourceTexts(logs)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("RolesExecution")]
    [InlineData("RolesRun")]
    [InlineData("RolesWork")]
    public void Job_roles_are_assumed_by_ECS_tasks(string role)
    {
        var trust = stack.Json.GetProperty("Resources").GetProperty(stack.RoleId(role))
            .GetProperty("Properties").GetProperty("AssumeRolePolicyDocument").GetProperty("Statement")[0];

        Assert.Equal("ecs-tasks.amazonaws.com", trust.GetProperty("Principal").GetProperty("Service").GetString());
    }

    private List<JsonElement> Statements(string rolePrefix)
    {
        var role = stack.RoleId(rolePrefix);
        return stack.PolicyStatements().Where(s => s.Role == role).Select(s => s.Statement).ToList();
    }
}
