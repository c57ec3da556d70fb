namespace BatchSync.Core.Runs;

/// <summary>
/// The keys of a run's objects under the staging root — the contract between the parent, the lanes and the tools that
/// read staging (see "Where things land in staging" in docs/workflow-format.md).
/// </summary>
public sealed record RunLayout(string Workflow, string RunId)
{
    public string RunPrefix => $"runs/{Workflow}/{RunId}/";

    public string Manifest => RunPrefix + "manifest.json";

    /// <summary>Held by the process running the run, so a second one with the same id is refused.</summary>
    public string Lease => RunPrefix + "run.lease";

    public string Report => RunPrefix + "report.json";

    public string ReportHtml => RunPrefix + "report.html";

    public string TablePrefix(string outTable) => $"{RunPrefix}tables/{outTable}/";

    public string Schema(string outTable) => TablePrefix(outTable) + "schema.json";

    public string LoadConfiguration(string outTable) => TablePrefix(outTable) + "load.json";

    /// <summary>A stage-only table's parts, one address a line, in load order.</summary>
    public string Parts(string outTable) => TablePrefix(outTable) + "parts.txt";

    /// <summary>Written once a table has landed, so a resumed run reports it instead of landing it again.</summary>
    public string Landing(string outTable) => TablePrefix(outTable) + "landed.json";

    public string ItemPrefix(string outTable, string item) => $"{TablePrefix(outTable)}items/{item}/";

    public string ItemStatus(string outTable, string item) => ItemPrefix(outTable, item) + "status.json";

    public static string ManifestOf(string workflow, string runId) => new RunLayout(workflow, runId).Manifest;

    public static string State(string workflow, string outTable) => $"state/{workflow}/{outTable}.json";
}
