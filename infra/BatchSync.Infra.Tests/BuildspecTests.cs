using YamlDotNet.RepresentationModel;

namespace BatchSync.Infra.Tests;

/// <summary>
/// The CodeBuild buildspecs. CodeBuild still runs post_build after a failed build phase unless the phase says
/// <c>on-failure: ABORT</c>, so every phase before the release must, or an image that failed its tests or
/// <c>validate --all</c> would be pushed.
/// </summary>
public sealed class BuildspecTests
{
    [Fact]
    public void A_failed_test_build_or_validation_aborts_before_the_push_and_the_job_definition_registration()
    {
        var phases = Phases("buildspec.yml");

        foreach (var phase in new[] { "install", "pre_build", "build" })
        {
            Assert.Equal("ABORT", Scalar(phases[phase], "on-failure"));
        }

        Assert.Contains("scripts/test", Commands(phases["pre_build"]));
        Assert.Contains(Commands(phases["build"]), c => c.Contains("validate --all", StringComparison.Ordinal));
        var release = Commands(phases["post_build"]);
        var guard = release.FindIndex(c => c.Contains("CODEBUILD_BUILD_SUCCEEDING", StringComparison.Ordinal));
        Assert.True(guard >= 0 && guard < release.FindIndex(c => c.StartsWith("docker push", StringComparison.Ordinal)), "post_build must check the build is succeeding before it pushes");
    }

    [Fact]
    public void The_pull_request_check_tests_and_validates_and_releases_nothing()
    {
        var phases = Phases("buildspec-pr.yml");
        var commands = phases.Values.SelectMany(Commands).ToList();

        Assert.All(phases.Values, phase => Assert.Equal("ABORT", Scalar(phase, "on-failure")));
        Assert.Contains("scripts/test", commands);
        Assert.Contains(commands, c => c.Contains("validate --all", StringComparison.Ordinal));
        Assert.DoesNotContain(commands, c => c.Contains("docker push", StringComparison.Ordinal) || c.Contains("register-job-definitions", StringComparison.Ordinal));
    }

    private static Dictionary<string, YamlMappingNode> Phases(string file)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(RepositoryRoot(), file)))
        {
            yaml.Load(reader);
        }

        var phases = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode).Children[new YamlScalarNode("phases")];
        return phases.Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => (YamlMappingNode)p.Value);
    }

    private static string? Scalar(YamlMappingNode node, string key)
        => node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;

    private static List<string> Commands(YamlMappingNode phase)
        => ((YamlSequenceNode)phase.Children[new YamlScalarNode("commands")]).Children.Select(c => ((YamlScalarNode)c).Value!).ToList();

    internal static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "BatchSync.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("BatchSync.sln not found above " + AppContext.BaseDirectory);
    }
}
