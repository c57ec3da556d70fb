using System.Collections;
using System.Globalization;

namespace BatchSync.Infra.Configuration;

/// <summary>
/// Reads <see cref="StackSettings"/> from CDK context (<c>-c key=value</c> or <c>cdk.json</c>), falling back to the
/// CDK CLI's CDK_DEFAULT_ACCOUNT / CDK_DEFAULT_REGION for the environment. Values that do not parse are collected and
/// reported together.
/// </summary>
public sealed class StackSettingsReader
{
    private readonly Func<string, object?> context;
    private readonly Func<string, string?> environment;
    private readonly List<string> problems = [];

    private StackSettingsReader(Func<string, object?> context, Func<string, string?> environment)
    {
        this.context = context;
        this.environment = environment;
    }

    /// <summary>The keys this reader understands, as documented in docs/deploy.md.</summary>
    public static IReadOnlyList<string> Keys { get; } =
    [
        "stackName", "namePrefix", "account", "region", "vpcId", "subnetIds", "assignPublicIp", "maxVcpus", "workVcpus",
        "workMemoryMiB", "workAttempts", "stagingPrefix", "runsExpirationDays", "kmsKeyArn", "logRetentionDays",
        "keepImages", "imageTag", "secretPatterns", "workflowsFolder", "ciSource", "ciBranch",
    ];

    /// <summary>Settings from <paramref name="context"/> and <paramref name="environment"/>, or an exception naming each bad value.</summary>
    public static StackSettings Read(Func<string, object?> context, Func<string, string?> environment, string currentDirectory)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(environment);
        return new StackSettingsReader(context, environment).Read(currentDirectory);
    }

    private StackSettings Read(string currentDirectory)
    {
        var defaults = new StackSettings();
        var ciSource = Text("ciSource");
        var settings = new StackSettings
        {
            StackName = Text("stackName") ?? defaults.StackName,
            NamePrefix = Text("namePrefix") ?? defaults.NamePrefix,
            Account = Text("account") ?? NonEmpty(environment("CDK_DEFAULT_ACCOUNT")),
            Region = Text("region") ?? NonEmpty(environment("CDK_DEFAULT_REGION")),
            VpcId = Text("vpcId"),
            SubnetIds = List("subnetIds") ?? defaults.SubnetIds,
            AssignPublicIp = Boolean("assignPublicIp"),
            MaxVcpus = Integer("maxVcpus") ?? defaults.MaxVcpus,
            WorkVcpus = Decimal("workVcpus") ?? defaults.WorkVcpus,
            WorkMemoryMiB = Integer("workMemoryMiB") ?? defaults.WorkMemoryMiB,
            WorkAttempts = Integer("workAttempts") ?? defaults.WorkAttempts,
            StagingPrefix = Text("stagingPrefix") ?? defaults.StagingPrefix,
            RunsExpirationDays = Integer("runsExpirationDays") ?? defaults.RunsExpirationDays,
            KmsKeyArn = Text("kmsKeyArn"),
            LogRetentionDays = Integer("logRetentionDays") ?? defaults.LogRetentionDays,
            KeepImages = Integer("keepImages") ?? defaults.KeepImages,
            ImageTag = Text("imageTag") ?? defaults.ImageTag,
            SecretPatterns = List("secretPatterns") ?? defaults.SecretPatterns,
            WorkflowsFolder = Text("workflowsFolder") is { } folder
                ? Path.GetFullPath(folder, currentDirectory)
                : FindWorkflowsFolder(currentDirectory),
            CiSource = ciSource is null ? null : ParseCiSource(ciSource),
            CiBranch = Text("ciBranch") ?? defaults.CiBranch,
        };

        if (problems.Count > 0)
        {
            throw new InvalidSettingsException(problems);
        }

        return settings;
    }

    /// <summary>
    /// The repository's workflows folder: the CDK CLI runs the app from infra/, <c>dotnet run</c> usually from the
    /// repository root, so look upwards for the folder that sits next to BatchSync.sln.
    /// </summary>
    private static string FindWorkflowsFolder(string currentDirectory)
    {
        for (var directory = new DirectoryInfo(currentDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "BatchSync.sln")))
            {
                return Path.Combine(directory.FullName, "workflows");
            }
        }

        return Path.Combine(currentDirectory, "workflows");
    }

    private CiSource? ParseCiSource(string text)
    {
        var source = CiSource.Parse(text, out var error);
        if (error is not null)
        {
            problems.Add(error);
        }

        return source;
    }

    private string? Text(string key) => context(key) switch
    {
        null => null,
        string s => NonEmpty(s.Trim()),
        IEnumerable items => string.Join(',', items.Cast<object>()),
        var other => Convert.ToString(other, CultureInfo.InvariantCulture),
    };

    private List<string>? List(string key) => context(key) switch
    {
        null => null,
        string s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
        IEnumerable items => items.Cast<object>().Select(i => Convert.ToString(i, CultureInfo.InvariantCulture)!.Trim()).ToList(),
        var other => [Convert.ToString(other, CultureInfo.InvariantCulture)!],
    };

    private int? Integer(string key) =>
        Parse(key, "a whole number", text => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : (int?)null);

    private decimal? Decimal(string key) =>
        Parse(key, "a number such as 2 or 0.5", text => decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : (decimal?)null);

    private bool? Boolean(string key) =>
        Parse(key, "true or false", text => bool.TryParse(text, out var value) ? value : (bool?)null);

    private T? Parse<T>(string key, string expected, Func<string, T?> parse)
        where T : struct
    {
        if (Text(key) is not { } text)
        {
            return null;
        }

        var value = parse(text);
        if (value is null)
        {
            problems.Add($"{key} '{text}' must be {expected}");
        }

        return value;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
