using BatchSync.Composition.Aws;

namespace BatchSync.Cli.Tests.Logging;

public sealed class LaneLogLinksTests
{
    [Fact]
    public void A_lane_link_opens_the_log_group_filtered_to_the_runs_events_of_that_lane()
    {
        var link = LaneLogLinks.For("eu-west-1", "/aws/batch/batchsync", "20261121T180000Z", 3);

        Assert.StartsWith("https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#logsV2:log-groups/log-group/$252Faws$252Fbatch$252Fbatchsync/log-events$3FfilterPattern$3D", link, StringComparison.Ordinal);
        var pattern = Uri.UnescapeDataString(link[(link.IndexOf("$3FfilterPattern$3D", StringComparison.Ordinal) + "$3FfilterPattern$3D".Length)..].Replace("$25", "%", StringComparison.Ordinal));
        Assert.Equal("{ $.run_id = \"20261121T180000Z\" && $.lane = 3 }", pattern);
        Assert.DoesNotContain(" ", link, StringComparison.Ordinal);
    }
}
