using BatchSync.Infra.Configuration;

namespace BatchSync.Infra.Tests.Support;

/// <summary>Settings the tests synthesize with.</summary>
public static class TestSettings
{
    /// <summary>The folder of fixture workflows: three scheduled, one not.</summary>
    public static string WorkflowsFolder { get; } = Path.Combine(AppContext.BaseDirectory, "Fixtures", "workflows");

    /// <summary>A first deployment: created VPC, SSE-S3, GitHub CI, the fixture workflows.</summary>
    public static StackSettings Default { get; } = new()
    {
        Account = "123456789012",
        Region = "ap-northeast-1",
        WorkflowsFolder = WorkflowsFolder,
        CiSource = new GitHubSource("example", "batchsync"),
        RunsExpirationDays = 45,
        LogRetentionDays = 90,
        KeepImages = 12,
        MaxVcpus = 24,
    };
}
