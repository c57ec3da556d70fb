using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Logs;
using BatchSync.Infra.Configuration;
using Constructs;

namespace BatchSync.Infra.Logging;

/// <summary>The log group both job definitions write to (streams prefixed run/ and work/).</summary>
public sealed class JobLogGroup : Construct
{
    public JobLogGroup(Construct scope, string id, StackSettings settings)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Name = $"/aws/batch/{settings.NamePrefix}";
        // The L1 resource takes any retention CloudWatch accepts; the validator has already checked the value.
        var logGroup = new CfnLogGroup(this, "LogGroup", new CfnLogGroupProps
        {
            LogGroupName = Name,
            RetentionInDays = settings.LogRetentionDays,
        });
        logGroup.ApplyRemovalPolicy(RemovalPolicy.RETAIN);
        Arn = logGroup.AttrArn;
    }

    public string Name { get; }

    /// <summary>The log group ARN (ends in <c>:*</c>, so it covers the group's streams).</summary>
    public string Arn { get; }

    public void GrantWrite(IGrantable grantee)
    {
        ArgumentNullException.ThrowIfNull(grantee);
        grantee.GrantPrincipal.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "WriteJobLogs",
            Actions = ["logs:CreateLogStream", "logs:PutLogEvents"],
            Resources = [Arn],
        }));
    }
}
