using System.Text.RegularExpressions;
using Amazon.CDK;
using Amazon.CDK.AWS.CodeBuild;
using Amazon.CDK.AWS.CodeCommit;
using Amazon.CDK.AWS.Events.Targets;
using Amazon.CDK.AWS.IAM;
using BatchSync.Infra.Configuration;
using BatchSync.Infra.Jobs;
using Constructs;

namespace BatchSync.Infra.Delivery;

/// <summary>
/// The CodeBuild project that runs buildspec.yml on every merge: tests, image build, <c>validate --all</c> inside the
/// image, push to ECR, new revisions of both job definitions pointing at the new image.
/// </summary>
public sealed class CiProject : Construct
{
    // docker build needs the Docker daemon, which only privileged builds get.
    private static readonly BuildEnvironment DockerBuild = new()
    {
        BuildImage = LinuxBuildImage.STANDARD_7_0,
        ComputeType = ComputeType.MEDIUM,
        Privileged = true,
    };

    public CiProject(Construct scope, string id, CiResources resources)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var settings = resources.Settings;
        var source = settings.CiSource ?? throw new ArgumentException("a CI project needs a source", nameof(resources));
        var codeCommit = source is CodeCommitSource c ? Repository.FromRepositoryName(this, "Repository", c.Repository) : null;
        Project = new Project(this, "Project", new ProjectProps
        {
            ProjectName = $"{settings.NamePrefix}-ci",
            Description = "Test, build and validate the BatchSync image; push it and register new job definition revisions",
            Source = Source(source, codeCommit, settings.CiBranch),
            BuildSpec = BuildSpec.FromSourceFilename("buildspec.yml"),
            Timeout = Duration.Minutes(90),
            Environment = DockerBuild,
            EnvironmentVariables = new Dictionary<string, IBuildEnvironmentVariable>
            {
                ["ECR_REPOSITORY_URI"] = new BuildEnvironmentVariable { Value = resources.Repository.RepositoryUri },
                ["RUN_JOB_DEFINITION"] = new BuildEnvironmentVariable { Value = settings.RunJobDefinitionName },
                ["WORK_JOB_DEFINITION"] = new BuildEnvironmentVariable { Value = settings.WorkJobDefinitionName },
            },
        });
        if (codeCommit is not null)
        {
            // CodeCommit has no webhook: a rule on the repository's reference updates starts the build.
            codeCommit.OnCommit("OnMerge", new OnCommitOptions { Branches = [settings.CiBranch], Target = new CodeBuildProject(Project) });
        }

        GrantRelease(resources);
        PullRequestCheck = source is GitHubSource pullRequests ? PullRequestProject(settings, pullRequests) : null;
    }

    public Project Project { get; }

    /// <summary>Runs buildspec-pr.yml (tests, image build, <c>validate --all</c>) on pull requests; null for CodeCommit.</summary>
    public Project? PullRequestCheck { get; }

    /// <summary>The same checks on every pull request into the branch, with no permission to push or register anything.</summary>
    private Project PullRequestProject(StackSettings settings, GitHubSource github) => new(this, "PullRequests", new ProjectProps
    {
        ProjectName = $"{settings.NamePrefix}-pr-check",
        Description = "Pull-request check: tests, image build and validate --all; pushes nothing",
        Source = Amazon.CDK.AWS.CodeBuild.Source.GitHub(new GitHubSourceProps
        {
            Owner = github.Owner,
            Repo = github.Repository,
            Webhook = true,
            ReportBuildStatus = true,
            WebhookFilters =
            [
                FilterGroup.InEventOf(EventAction.PULL_REQUEST_CREATED, EventAction.PULL_REQUEST_UPDATED, EventAction.PULL_REQUEST_REOPENED)
                    .AndBaseRefIs($"^refs/heads/{Regex.Escape(settings.CiBranch)}$"),
            ],
        }),
        BuildSpec = BuildSpec.FromSourceFilename("buildspec-pr.yml"),
        Timeout = Duration.Minutes(90),
        Environment = DockerBuild,
    });

    private static ISource Source(CiSource source, IRepository? codeCommit, string branch) => source switch
    {
        GitHubSource github => Amazon.CDK.AWS.CodeBuild.Source.GitHub(new GitHubSourceProps
        {
            Owner = github.Owner,
            Repo = github.Repository,
            Webhook = true,
            // Anchored: the pattern is a regular expression, and "refs/heads/main" alone also matches refs/heads/main-old.
            WebhookFilters = [FilterGroup.InEventOf(EventAction.PUSH).AndHeadRefIs($"^refs/heads/{Regex.Escape(branch)}$")],
        }),
        CodeCommitSource => Amazon.CDK.AWS.CodeBuild.Source.CodeCommit(new CodeCommitSourceProps
        {
            Repository = codeCommit!,
            BranchOrRef = branch,
        }),
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "unknown CI source"),
    };

    /// <summary>Push the image, register job definition revisions with it, and pass the job roles they name.</summary>
    private void GrantRelease(CiResources resources)
    {
        var stack = Stack.Of(this);
        var settings = resources.Settings;
        resources.Repository.GrantPullPush(Project);
        string[] jobDefinitions =
        [
            .. BatchArns.JobDefinition(stack, settings.RunJobDefinitionName),
            .. BatchArns.JobDefinition(stack, settings.WorkJobDefinitionName),
        ];
        Project.AddToRolePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "RegisterJobDefinitions",
            Actions = ["batch:RegisterJobDefinition", "batch:TagResource"],
            Resources = jobDefinitions,
        }));
        // DescribeJobDefinitions takes no resource: IAM only accepts "*" for it.
        Project.AddToRolePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "ReadJobDefinitions",
            Actions = ["batch:DescribeJobDefinitions"],
            Resources = ["*"],
        }));
        Project.AddToRolePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "PassJobRoles",
            Actions = ["iam:PassRole"],
            Resources = resources.PassedRoleArns.ToArray(),
        }));
    }
}
