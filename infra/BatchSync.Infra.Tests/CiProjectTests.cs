using System.Text.Json;
using BatchSync.Infra.Tests.Support;

namespace BatchSync.Infra.Tests;

[Collection(DefaultStackCollection.Name)]
public sealed class CiProjectTests(DefaultStackFixture fixture)
{
    private readonly SynthesizedStack stack = fixture.Stack;

    private JsonElement Project => ProjectNamed("batchsync-ci");

    private JsonElement ProjectNamed(string name) => stack.Resources("AWS::CodeBuild::Project").Values
        .Select(p => p.GetProperty("Properties")).Single(p => p.GetProperty("Name").GetString() == name);

    [Fact]
    public void Builds_privileged_from_the_repository_buildspec()
    {
        Assert.True(Project.GetProperty("Environment").GetProperty("PrivilegedMode").GetBoolean());
        Assert.Equal("buildspec.yml", Project.GetProperty("Source").GetProperty("BuildSpec").GetString());
    }

    [Fact]
    public void Tells_the_buildspec_where_to_push_and_which_job_definitions_to_update()
    {
        var variables = Project.GetProperty("Environment").GetProperty("EnvironmentVariables").EnumerateArray()
            .ToDictionary(v => v.GetProperty("Name").GetString()!, v => v.GetProperty("Value"));

        Assert.Equal("batchsync-run", variables["RUN_JOB_DEFINITION"].GetString());
        Assert.Equal("batchsync-work", variables["WORK_JOB_DEFINITION"].GetString());
        Assert.Contains(
            $"{{\"Ref\":\"{stack.Resources("AWS::ECR::Repository").Keys.Single()}\"}}",
            variables["ECR_REPOSITORY_URI"].GetRawText(),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Starts_on_pushes_to_main_of_the_GitHub_repository()
    {
        var source = Project.GetProperty("Source");
        Assert.Equal("GITHUB", source.GetProperty("Type").GetString());
        Assert.Equal("https://github.com/example/batchsync.git", source.GetProperty("Location").GetString());

        var triggers = Project.GetProperty("Triggers");
        Assert.True(triggers.GetProperty("Webhook").GetBoolean());
        var filters = triggers.GetProperty("FilterGroups")[0].EnumerateArray()
            .ToDictionary(f => f.GetProperty("Type").GetString()!, f => f.GetProperty("Pattern").GetString());
        Assert.Equal("PUSH", filters["EVENT"]);
        Assert.Equal("^refs/heads/main$", filters["HEAD_REF"]);
    }

    [Fact]
    public void May_push_the_image_register_job_definitions_and_pass_only_the_job_roles()
    {
        var role = Project.GetProperty("ServiceRole").GetProperty("Fn::GetAtt")[0].GetString();
        var statements = stack.PolicyStatements().Where(s => s.Role == role).Select(s => s.Statement).ToList();
        var actions = statements.SelectMany(SynthesizedStack.Actions).ToHashSet();
        Assert.Superset(new HashSet<string> { "ecr:PutImage", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload", "ecr:GetAuthorizationToken" }, actions);

        var register = statements.Single(s => SynthesizedStack.Actions(s).Contains("batch:RegisterJobDefinition"));
        Assert.All(SynthesizedStack.ResourceTexts(register), r => Assert.Matches("job-definition/batchsync-(run|work)(:\\*)?\"", r));

        var passRole = statements.Single(s => SynthesizedStack.Actions(s).Contains("iam:PassRole"));
        var passed = SynthesizedStack.ResourceTexts(passRole).Select(r => JsonDocument.Parse(r).RootElement.GetProperty("Fn::GetAtt")[0].GetString()).Order();
        Assert.Equal(new[] { stack.RoleId("RolesExecution"), stack.RoleId("RolesRun"), stack.RoleId("RolesWork") }.Order(), passed);
    }

    [Fact]
    public void Checks_pull_requests_into_main_with_the_pr_buildspec_and_no_release_permissions()
    {
        var check = ProjectNamed("batchsync-pr-check");
        Assert.Equal("buildspec-pr.yml", check.GetProperty("Source").GetProperty("BuildSpec").GetString());
        Assert.True(check.GetProperty("Source").GetProperty("ReportBuildStatus").GetBoolean());
        var filters = check.GetProperty("Triggers").GetProperty("FilterGroups")[0].EnumerateArray()
            .ToDictionary(f => f.GetProperty("Type").GetString()!, f => f.GetProperty("Pattern").GetString());
        Assert.Equal("PULL_REQUEST_CREATED, PULL_REQUEST_UPDATED, PULL_REQUEST_REOPENED", filters["EVENT"]);
        Assert.Equal("^refs/heads/main$", filters["BASE_REF"]);

        var role = check.GetProperty("ServiceRole").GetProperty("Fn::GetAtt")[0].GetString();
        var actions = stack.PolicyStatements().Where(s => s.Role == role).SelectMany(s => SynthesizedStack.Actions(s.Statement)).ToHashSet();
        Assert.DoesNotContain("ecr:PutImage", actions);
        Assert.DoesNotContain("batch:RegisterJobDefinition", actions);
        Assert.DoesNotContain("iam:PassRole", actions);
    }
}
