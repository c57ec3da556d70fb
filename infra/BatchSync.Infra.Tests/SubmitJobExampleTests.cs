using System.Text.RegularExpressions;
using BatchSync.Infra.Tests.Support;

namespace BatchSync.Infra.Tests;

/// <summary>The on-demand <c>aws batch submit-job</c> examples in README.md and docs/deploy.md name what the stack creates.</summary>
[Collection(DefaultStackCollection.Name)]
public sealed partial class SubmitJobExampleTests(DefaultStackFixture fixture)
{
    private readonly SynthesizedStack stack = fixture.Stack;

    [Theory]
    [InlineData("README.md")]
    [InlineData("docs/deploy.md")]
    public void Examples_use_the_queue_and_job_definition_names_of_the_synthesized_template(string document)
    {
        var queue = stack.Resources("AWS::Batch::JobQueue").Values.Single().GetProperty("Properties").GetProperty("JobQueueName").GetString();
        var definitions = stack.Resources("AWS::Batch::JobDefinition").Values
            .Select(d => d.GetProperty("Properties").GetProperty("JobDefinitionName").GetString()).ToHashSet();
        var text = File.ReadAllText(Path.Combine(BuildspecTests.RepositoryRoot(), document)).Replace("\\\n", " ", StringComparison.Ordinal);

        var examples = SubmitJob().Matches(text);

        Assert.NotEmpty(examples);
        foreach (Match example in examples)
        {
            Assert.Equal(queue, example.Groups["queue"].Value);
            Assert.Contains(example.Groups["definition"].Value, definitions);
        }
    }

    [GeneratedRegex(@"aws batch submit-job[^`]*?--job-queue\s+(?<queue>\S+)[^`]*?--job-definition\s+(?<definition>[A-Za-z0-9_:-]+)")]
    private static partial Regex SubmitJob();
}
