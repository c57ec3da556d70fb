using BatchSync.Infra.Configuration;

namespace BatchSync.Infra.Tests;

public sealed class StackSettingsReaderTests
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "batchsync-infra-reader");

    [Fact]
    public void Context_values_override_the_defaults()
    {
        var context = new Dictionary<string, object>
        {
            ["namePrefix"] = "shop-sync",
            ["vpcId"] = "vpc-0123456789abcdef0",
            ["subnetIds"] = "subnet-0123456789abcdef0, subnet-0123456789abcdef1",
            ["assignPublicIp"] = "true",
            ["maxVcpus"] = 64.0,
            ["workVcpus"] = "0.5",
            ["workMemoryMiB"] = "2048",
            ["secretPatterns"] = new object[] { "prod/shop/*", "prod/gcp/*" },
            ["workflowsFolder"] = "flows",
            ["ciSource"] = "codecommit:batchsync",
            ["ciBranch"] = "release",
        };

        var settings = StackSettingsReader.Read(key => context.GetValueOrDefault(key), _ => null, Root);

        Assert.Equal("shop-sync", settings.NamePrefix);
        Assert.Equal(["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"], settings.SubnetIds);
        Assert.True(settings.AssignPublicIp);
        Assert.Equal(64, settings.MaxVcpus);
        Assert.Equal(0.5m, settings.WorkVcpus);
        Assert.Equal(2048, settings.WorkMemoryMiB);
        Assert.Equal(["prod/shop/*", "prod/gcp/*"], settings.SecretPatterns);
        Assert.Equal(Path.Combine(Root, "flows"), settings.WorkflowsFolder);
        Assert.Equal(new CodeCommitSource("batchsync"), settings.CiSource);
        Assert.Equal("release", settings.CiBranch);
        Assert.Equal("shop-sync-run", settings.RunJobDefinitionName);
    }

    [Fact]
    public void Account_and_region_fall_back_to_the_CDK_CLI_environment()
    {
        var environment = new Dictionary<string, string> { ["CDK_DEFAULT_ACCOUNT"] = "123456789012", ["CDK_DEFAULT_REGION"] = "eu-west-1" };

        var settings = StackSettingsReader.Read(_ => null, environment.GetValueOrDefault, Root);

        Assert.Equal("123456789012", settings.Account);
        Assert.Equal("eu-west-1", settings.Region);
        Assert.Null(settings.CiSource);
        Assert.Equal(new StackSettings().SecretPatterns, settings.SecretPatterns);
    }

    [Fact]
    public void Context_wins_over_the_environment()
    {
        var settings = StackSettingsReader.Read(
            key => key == "region" ? "ap-northeast-1" : null,
            name => name == "CDK_DEFAULT_REGION" ? "eu-west-1" : null,
            Root);

        Assert.Equal("ap-northeast-1", settings.Region);
    }

    [Fact]
    public void Unparsable_values_are_reported_together_by_key()
    {
        var context = new Dictionary<string, object> { ["maxVcpus"] = "lots", ["assignPublicIp"] = "yes", ["ciSource"] = "gitlab:x/y" };

        var error = Assert.Throws<InvalidSettingsException>(() => StackSettingsReader.Read(key => context.GetValueOrDefault(key), _ => null, Root));

        Assert.Equal(3, error.Problems.Count);
        Assert.Contains(error.Problems, p => p.StartsWith("maxVcpus 'lots' must be a whole number", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("assignPublicIp 'yes' must be true or false", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("ciSource 'gitlab:x/y' is not understood", StringComparison.Ordinal));
    }

    [Fact]
    public void The_workflows_folder_is_found_next_to_the_solution_from_a_subfolder()
    {
        var repository = Directory.CreateTempSubdirectory("batchsync-repo-");
        try
        {
            File.WriteAllText(Path.Combine(repository.FullName, "BatchSync.sln"), "");
            var infra = Directory.CreateDirectory(Path.Combine(repository.FullName, "infra")).FullName;

            var settings = StackSettingsReader.Read(_ => null, _ => null, infra);

            Assert.Equal(Path.Combine(repository.FullName, "workflows"), settings.WorkflowsFolder);
        }
        finally
        {
            repository.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("github:example/batchsync", "GitHubSource { Owner = example, Repository = batchsync }")]
    [InlineData("codecommit:batchsync", "CodeCommitSource { Repository = batchsync }")]
    public void CI_sources_parse(string text, string expected)
    {
        Assert.Equal(expected, CiSource.Parse(text, out var error)?.ToString());
        Assert.Null(error);
    }

    [Theory]
    [InlineData("github:example")]
    [InlineData("github:/batchsync")]
    [InlineData("codecommit:")]
    [InlineData("bitbucket:a/b")]
    public void Malformed_CI_sources_are_refused(string text)
    {
        Assert.Null(CiSource.Parse(text, out var error));
        Assert.Contains("github:OWNER/REPO or codecommit:REPOSITORY", error, StringComparison.Ordinal);
    }
}
