namespace BatchSync.Core.Runs;

/// <summary>
/// Row counts of a workflow's tables as of its last successful runs (<c>history/&lt;workflow&gt;/last-success.json</c>):
/// what the next run's report compares against. A run of some tables (<c>--tables</c>) updates only those.
/// </summary>
public sealed record RunBaseline(string RunId, DateTimeOffset FinishedAt, IReadOnlyDictionary<string, long> Rows)
{
    public static string KeyOf(string workflow) => $"history/{workflow}/last-success.json";
}
