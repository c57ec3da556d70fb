using BatchSync.Infra.Configuration;
using BatchSync.Infra.Tests.Support;

namespace BatchSync.Infra.Tests;

/// <summary>A stack in an existing VPC with a customer-managed key, CodeCommit CI and no scheduled workflows.</summary>
public sealed class ExistingNetworkStackTests : IClassFixture<ExistingNetworkStackTests.Fixture>
{
    private const string KeyArn = "arn:aws:kms:ap-northeast-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private const string SecretArn = "arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:shared/gcp-AbCdEf";

    private readonly SynthesizedStack stack;

    public ExistingNetworkStackTests(Fixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        stack = fixture.Stack;
    }

    [Fact]
    public void Uses_the_given_subnets_and_creates_no_VPC()
    {
        stack.Template.ResourceCountIs("AWS::EC2::VPC", 0);
        stack.Template.HasResourceProperties("AWS::Batch::ComputeEnvironment", new Dictionary<string, object>
        {
            ["ComputeResources"] = new Dictionary<string, object> { ["Subnets"] = new[] { "subnet-0123456789abcdef0", "subnet-0123456789abcdef1" } },
        });
        stack.Template.HasResourceProperties("AWS::EC2::SecurityGroup", new Dictionary<string, object> { ["VpcId"] = "vpc-0123456789abcdef0" });
    }

    [Fact]
    public void Jobs_get_no_public_IP_in_an_existing_VPC_by_default()
    {
        var definitions = stack.Resources("AWS::Batch::JobDefinition").Values;

        Assert.Equal(2, definitions.Count());
        Assert.All(definitions, d => Assert.Equal(
            "DISABLED",
            d.GetProperty("Properties").GetProperty("ContainerProperties").GetProperty("NetworkConfiguration").GetProperty("AssignPublicIp").GetString()));
    }

    [Fact]
    public void Encrypts_the_bucket_with_the_given_key_and_lets_the_job_roles_use_it()
    {
        var encryption = stack.Resources("AWS::S3::Bucket").Values.Single().GetProperty("Properties")
            .GetProperty("BucketEncryption").GetProperty("ServerSideEncryptionConfiguration")[0];
        Assert.Equal("aws:kms", encryption.GetProperty("ServerSideEncryptionByDefault").GetProperty("SSEAlgorithm").GetString());
        Assert.Equal(KeyArn, encryption.GetProperty("ServerSideEncryptionByDefault").GetProperty("KMSMasterKeyID").GetString());
        Assert.True(encryption.GetProperty("BucketKeyEnabled").GetBoolean());

        foreach (var role in new[] { "RolesRun", "RolesWork" })
        {
            var roleId = stack.RoleId(role);
            var kms = stack.PolicyStatements().Where(s => s.Role == roleId).Select(s => s.Statement)
                .Single(s => SynthesizedStack.ResourceTexts(s).Contains(KeyArn));
            Assert.Superset(new HashSet<string> { "kms:Decrypt", "kms:GenerateDataKey*" }, SynthesizedStack.Actions(kms).ToHashSet());
        }
    }

    [Fact]
    public void Secret_names_without_a_wildcard_match_the_suffix_Secrets_Manager_adds_and_ARNs_are_kept()
    {
        var roleId = stack.RoleId("RolesWork");
        var secrets = stack.PolicyStatements().Where(s => s.Role == roleId).Select(s => s.Statement)
            .Single(s => SynthesizedStack.Actions(s).Contains("secretsmanager:GetSecretValue"));
        var resources = SynthesizedStack.ResourceTexts(secrets);

        Assert.Equal(2, resources.Count);
        Assert.Contains(resources, r => r.EndsWith(":secret:prod/shop/mysql-??????\"]]}", StringComparison.Ordinal));
        Assert.Contains(SecretArn, resources);
    }

    [Fact]
    public void Has_no_schedule_rules_dead_letter_queue_or_its_alarm_without_scheduled_workflows_but_still_alerts()
    {
        stack.Template.ResourceCountIs("AWS::SQS::Queue", 0);
        stack.Template.ResourceCountIs("AWS::CloudWatch::Alarm", 0);
        stack.Template.ResourceCountIs("AWS::SNS::Topic", 1);
        Assert.DoesNotContain(
            stack.Resources("AWS::Events::Rule").Values,
            r => r.GetProperty("Properties").TryGetProperty("ScheduleExpression", out _));
    }

    [Fact]
    public void Checks_no_pull_requests_with_CodeCommit_which_has_no_pull_request_webhook() =>
        Assert.Single(stack.Resources("AWS::CodeBuild::Project").Values);

    [Fact]
    public void Starts_CI_from_CodeCommit_commits_to_the_branch()
    {
        var source = stack.Resources("AWS::CodeBuild::Project").Values.Single().GetProperty("Properties").GetProperty("Source");
        Assert.Equal("CODECOMMIT", source.GetProperty("Type").GetString());

        var onCommit = stack.Resources("AWS::Events::Rule").Values.Select(r => r.GetProperty("Properties"))
            .Single(p => p.GetProperty("EventPattern").GetProperty("source")[0].GetString() == "aws.codecommit");
        var pattern = onCommit.GetProperty("EventPattern");
        Assert.Equal("aws.codecommit", pattern.GetProperty("source")[0].GetString());
        Assert.Equal("release", pattern.GetProperty("detail").GetProperty("referenceName")[0].GetString());
        var projectId = stack.Resources("AWS::CodeBuild::Project").Keys.Single();
        Assert.Equal(projectId, onCommit.GetProperty("Targets")[0].GetProperty("Arn").GetProperty("Fn::GetAtt")[0].GetString());
    }

    public sealed class Fixture
    {
        public SynthesizedStack Stack { get; } = SynthesizedStack.Synthesize(TestSettings.Default with
        {
            VpcId = "vpc-0123456789abcdef0",
            SubnetIds = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"],
            KmsKeyArn = KeyArn,
            SecretPatterns = ["prod/shop/mysql", SecretArn],
            WorkflowsFolder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "unscheduled"),
            CiSource = new CodeCommitSource("batchsync"),
            CiBranch = "release",
        });
    }
}
