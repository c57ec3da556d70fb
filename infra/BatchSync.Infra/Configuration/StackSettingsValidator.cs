using System.Text.RegularExpressions;

namespace BatchSync.Infra.Configuration;

/// <summary>Checks settings before anything is synthesized, so a bad value fails with its name instead of at deploy time.</summary>
public static partial class StackSettingsValidator
{
    /// <summary>CloudWatch Logs accepts only these retention periods.</summary>
    public static readonly IReadOnlySet<int> LogRetentionChoices = new HashSet<int>
    {
        1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
    };

    /// <summary>Every problem found, each naming the setting; empty when the settings are usable.</summary>
    public static IReadOnlyList<string> Validate(StackSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var problems = new List<string>();
        CheckNames(settings, problems);
        CheckEnvironment(settings, problems);
        CheckNetwork(settings, problems);
        CheckCompute(settings, problems);
        CheckStorage(settings, problems);
        CheckSecrets(settings, problems);
        return problems;
    }

    /// <summary>Throws <see cref="InvalidSettingsException"/> listing every problem, if there is any.</summary>
    public static void EnsureValid(StackSettings settings)
    {
        var problems = Validate(settings);
        if (problems.Count > 0)
        {
            throw new InvalidSettingsException(problems);
        }
    }

    private static void CheckNames(StackSettings settings, List<string> problems)
    {
        if (!NamePrefixPattern().IsMatch(settings.NamePrefix))
        {
            problems.Add($"namePrefix '{settings.NamePrefix}' must be 1-24 lowercase letters, digits or '-', starting with a letter (it names the ECR repository, queue and job definitions)");
        }

        if (!StackNamePattern().IsMatch(settings.StackName))
        {
            problems.Add($"stackName '{settings.StackName}' must be 1-128 letters, digits or '-', starting with a letter");
        }

        if (!ImageTagPattern().IsMatch(settings.ImageTag))
        {
            problems.Add($"imageTag '{settings.ImageTag}' is not a valid image tag (letters, digits, '_', '.', '-'; at most 128)");
        }
    }

    private static void CheckEnvironment(StackSettings settings, List<string> problems)
    {
        if (settings.Account is { } account && !AccountPattern().IsMatch(account))
        {
            problems.Add($"account '{account}' must be a 12-digit AWS account id");
        }

        if (settings.Region is { } region && !RegionPattern().IsMatch(region))
        {
            problems.Add($"region '{region}' is not an AWS region name such as ap-northeast-1");
        }
    }

    private static void CheckNetwork(StackSettings settings, List<string> problems)
    {
        if (settings.VpcId is null)
        {
            if (settings.SubnetIds.Count > 0)
            {
                problems.Add("subnetIds are given without vpcId; set vpcId to the VPC of those subnets, or leave both out to create a VPC");
            }

            if (settings.AssignPublicIp == false)
            {
                problems.Add("assignPublicIp=false needs vpcId and private subnets with a NAT gateway or VPC endpoints: the VPC this stack creates has only public subnets, where tasks without a public IP cannot pull the image");
            }

            return;
        }

        if (!VpcIdPattern().IsMatch(settings.VpcId))
        {
            problems.Add($"vpcId '{settings.VpcId}' is not a VPC id such as vpc-0abc1234");
        }

        if (settings.SubnetIds.Count == 0)
        {
            problems.Add("vpcId is set but subnetIds is empty; name the subnets the jobs run in, e.g. -c subnetIds=subnet-aaa,subnet-bbb");
        }

        foreach (var subnet in settings.SubnetIds.Where(s => !SubnetIdPattern().IsMatch(s)))
        {
            problems.Add($"subnetIds: '{subnet}' is not a subnet id such as subnet-0abc1234");
        }
    }

    private static void CheckCompute(StackSettings settings, List<string> problems)
    {
        if (FargateSize.Check(settings.WorkVcpus, settings.WorkMemoryMiB) is { } size)
        {
            problems.Add($"workVcpus/workMemoryMiB: {size}");
        }

        if (settings.MaxVcpus < settings.WorkVcpus || settings.MaxVcpus > 10000)
        {
            problems.Add($"maxVcpus {settings.MaxVcpus} must be at least one work job's vCPUs ({settings.WorkVcpus}) and at most 10000");
        }

        if (settings.WorkAttempts is < 1 or > 10)
        {
            problems.Add($"workAttempts {settings.WorkAttempts} must be 1-10 (AWS Batch retry attempts)");
        }
    }

    private static void CheckStorage(StackSettings settings, List<string> problems)
    {
        if (!StagingPrefixPattern().IsMatch(settings.StagingPrefix))
        {
            problems.Add($"stagingPrefix '{settings.StagingPrefix}' must be a non-empty key prefix ending in '/', without a leading '/', e.g. batchsync/");
        }

        if (settings.RunsExpirationDays < 1)
        {
            problems.Add($"runsExpirationDays {settings.RunsExpirationDays} must be at least 1");
        }

        if (!LogRetentionChoices.Contains(settings.LogRetentionDays))
        {
            problems.Add($"logRetentionDays {settings.LogRetentionDays} is not a retention CloudWatch Logs offers; use one of {string.Join(", ", LogRetentionChoices.Order())}");
        }

        if (settings.KeepImages is < 1 or > 10000)
        {
            problems.Add($"keepImages {settings.KeepImages} must be 1-10000");
        }

        if (settings.KmsKeyArn is { } key && !KmsKeyArnPattern().IsMatch(key))
        {
            problems.Add($"kmsKeyArn '{key}' must be a key ARN (not an alias) such as arn:aws:kms:ap-northeast-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab");
        }

        if (settings.CiBranch.Length == 0)
        {
            problems.Add("ciBranch must not be empty");
        }
    }

    private static void CheckSecrets(StackSettings settings, List<string> problems)
    {
        foreach (var pattern in settings.SecretPatterns)
        {
            var isArn = pattern.StartsWith("arn:", StringComparison.Ordinal);
            if (isArn ? !SecretArnPattern().IsMatch(pattern) : !SecretNamePattern().IsMatch(pattern))
            {
                problems.Add($"secretPatterns: '{pattern}' is neither a secret name pattern (letters, digits, /_+=.@-, '*' and '?') nor a Secrets Manager secret ARN");
            }
        }

        if (settings.SecretPatterns.Contains("*"))
        {
            problems.Add("secretPatterns: '*' would let the jobs read every secret in the account; name a prefix such as batchsync/*");
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,23}$")]
    private static partial Regex NamePrefixPattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9-]{0,127}$")]
    private static partial Regex StackNamePattern();

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")]
    private static partial Regex ImageTagPattern();

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex AccountPattern();

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]$")]
    private static partial Regex RegionPattern();

    [GeneratedRegex("^vpc-[0-9a-f]{8,17}$")]
    private static partial Regex VpcIdPattern();

    [GeneratedRegex("^subnet-[0-9a-f]{8,17}$")]
    private static partial Regex SubnetIdPattern();

    [GeneratedRegex("^[^/][^ ]*/$")]
    private static partial Regex StagingPrefixPattern();

    [GeneratedRegex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[0-9a-f-]+$")]
    private static partial Regex KmsKeyArnPattern();

    [GeneratedRegex("^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:.+$")]
    private static partial Regex SecretArnPattern();

    [GeneratedRegex("^[A-Za-z0-9/_+=.@*?-]{1,512}$")]
    private static partial Regex SecretNamePattern();
}
