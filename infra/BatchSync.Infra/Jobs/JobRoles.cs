using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Constructs;

namespace BatchSync.Infra.Jobs;

/// <summary>
/// The roles of the two jobs, each with only what docs/aws.md says it needs: the execution role pulls the image and
/// writes logs; the run role also launches, watches and stops the work jobs; the work role only stages and reads
/// secrets.
/// </summary>
public sealed class JobRoles : Construct
{
    private const string TaskPrincipal = "ecs-tasks.amazonaws.com";

    public JobRoles(Construct scope, string id, JobRoleResources resources)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var settings = resources.Settings;
        Execution = new Role(this, "Execution", new RoleProps
        {
            AssumedBy = new ServicePrincipal(TaskPrincipal),
            Description = $"{settings.NamePrefix} jobs: pull the image, write logs",
        });
        resources.Images.Repository.GrantPull(Execution);
        resources.Logs.GrantWrite(Execution);

        Run = JobRole("Run", $"{settings.NamePrefix} run job: plan, launch work jobs, land tables", resources);
        Work = JobRole("Work", $"{settings.NamePrefix} work job: extract, stage, load one lane", resources);
        GrantLaunchWork(Run, resources);
    }

    public Role Execution { get; }

    public Role Run { get; }

    public Role Work { get; }

    private Role JobRole(string id, string description, JobRoleResources resources)
    {
        var role = new Role(this, id, new RoleProps { AssumedBy = new ServicePrincipal(TaskPrincipal), Description = description });
        resources.Staging.GrantStaging(role);
        role.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "ReadWorkflowSecrets",
            Actions = ["secretsmanager:GetSecretValue"],
            Resources = SecretArns(resources.Settings.SecretPatterns),
        }));
        return role;
    }

    private void GrantLaunchWork(Role role, JobRoleResources resources)
    {
        var stack = Stack.Of(this);
        role.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "SubmitWorkJobs",
            Actions = ["batch:SubmitJob"],
            Resources = [resources.JobQueueArn, .. BatchArns.JobDefinition(stack, resources.Settings.WorkJobDefinitionName)],
        }));
        role.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "TagAndStopWorkJobs",
            Actions = ["batch:TagResource", "batch:TerminateJob"],
            Resources = [BatchArns.AnyJob(stack)],
        }));
        // DescribeJobs and ListJobs take no resource: IAM only accepts "*" for them.
        role.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "WatchWorkJobs",
            Actions = ["batch:DescribeJobs", "batch:ListJobs"],
            Resources = ["*"],
        }));
    }

    /// <summary>
    /// Secrets Manager appends "-" and 6 random characters to a secret's name in its ARN: a pattern without a
    /// trailing wildcard gets "-??????" so it still matches.
    /// </summary>
    private string[] SecretArns(IReadOnlyList<string> patterns) => patterns
        .Select(pattern => pattern.StartsWith("arn:", StringComparison.Ordinal)
            ? pattern
            : Stack.Of(this).FormatArn(new ArnComponents
            {
                Service = "secretsmanager",
                Resource = "secret",
                ResourceName = pattern.EndsWith('*') ? pattern : pattern + "-??????",
                ArnFormat = ArnFormat.COLON_RESOURCE_NAME,
            }))
        .ToArray();
}
