using BatchSync.Core.Runs;

namespace BatchSync.Composition.Aws;

/// <summary>
/// Links from the run report to each lane's log lines: the CloudWatch console on the job log group, filtered to the
/// run's events of that lane (every lane event carries <c>run_id</c> and <c>lane</c>). The group comes from
/// BATCHSYNC_LOG_GROUP, which the stack sets on the run job; without it (or a region) there are no links.
/// </summary>
internal static class LaneLogLinks
{
    public const string LogGroupVariable = "BATCHSYNC_LOG_GROUP";

    public static Func<RunManifest, IReadOnlyList<LaneLog>>? FromEnvironment()
    {
        var group = Environment.GetEnvironmentVariable(LogGroupVariable);
        var region = Environment.GetEnvironmentVariable("AWS_REGION") ?? Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION");
        return string.IsNullOrEmpty(group) || string.IsNullOrEmpty(region)
            ? null
            : manifest => Enumerable.Range(0, manifest.Lanes).Select(lane => new LaneLog(lane, For(region, group, manifest.RunId, lane))).ToList();
    }

    /// <summary>The console keeps its state in the URL fragment, where '%' of each encoded value is written '$25'.</summary>
    public static string For(string region, string group, string runId, int lane)
    {
        var pattern = $"{{ $.run_id = \"{runId}\" && $.lane = {lane} }}";
        return $"https://{region}.console.aws.amazon.com/cloudwatch/home?region={region}#logsV2:log-groups/log-group/{Fragment(group)}/log-events$3FfilterPattern$3D{Fragment(pattern)}";
    }

    private static string Fragment(string value) => Uri.EscapeDataString(value).Replace("%", "$25", StringComparison.Ordinal);
}
