using Amazon.CDK;

namespace BatchSync.Infra.Jobs;

/// <summary>ARNs of Batch resources that IAM statements name but CloudFormation does not hand out.</summary>
public static class BatchArns
{
    /// <summary>
    /// Every revision of a job definition. Jobs are submitted by name (the latest active revision) and CI registers
    /// new revisions, so a statement must not pin the revision CloudFormation created.
    /// </summary>
    public static string[] JobDefinition(Stack stack, string name)
    {
        ArgumentNullException.ThrowIfNull(stack);
        return
        [
            stack.FormatArn(new ArnComponents { Service = "batch", Resource = "job-definition", ResourceName = name }),
            stack.FormatArn(new ArnComponents { Service = "batch", Resource = "job-definition", ResourceName = name + ":*" }),
        ];
    }

    /// <summary>Jobs in the account and region (job ids are only known at run time).</summary>
    public static string AnyJob(Stack stack)
    {
        ArgumentNullException.ThrowIfNull(stack);
        return stack.FormatArn(new ArnComponents { Service = "batch", Resource = "job", ResourceName = "*" });
    }
}
