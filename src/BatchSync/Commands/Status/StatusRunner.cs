using System.Globalization;
using System.Text.Json.Nodes;
using BatchSync.Commands.Run;
using BatchSync.Composition;
using BatchSync.Core.Runs;

namespace BatchSync.Commands.Status;

/// <summary>
/// <c>batchsync status</c>: a finished run's report (tables, failures with their step, lanes, row-count warnings), or
/// while it runs each item's state, rows, attempts and error, read from staging. Exit 0 when all are done, 1 otherwise.
/// </summary>
internal sealed class StatusRunner(IRunAdapters adapters)
{
    public async Task<int> RunAsync(string runId, string? workflowName, string? staging, bool json, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var workflow = workflowName is null ? null : await WorkflowOpener.OpenAsync(workflowName, error, cancellationToken);
        var root = StagingRoots.Choose(staging, workflow);
        var documents = adapters.OpenStaging(root);
        var store = new RunStore(documents);
        var name = workflow?.Name ?? FindWorkflowOf(runId, documents, root);
        var manifest = await store.FindManifestAsync(name, runId, cancellationToken)
            ?? throw new UsageException($"no run '{runId}' of workflow '{name}' under {root} (looked for {documents.AddressOf(RunLayout.ManifestOf(name, runId))}).");

        var rows = new List<(ManifestTable Table, ItemStatus Status)>();
        foreach (var table in manifest.Tables)
        {
            rows.AddRange((await store.ReadStatusesAsync(manifest, table, cancellationToken)).Select(status => (table, status)));
        }

        var reportText = await documents.ReadAsync(manifest.Layout.Report, cancellationToken);
        var report = reportText is null ? null : RunJson.Deserialize<RunReport>(reportText, $"run report {documents.AddressOf(manifest.Layout.Report)}");
        if (json)
        {
            var document = ToJson(manifest, rows);
            document["report"] = reportText is null ? null : JsonNode.Parse(reportText);
            await output.WriteLineAsync(document.ToJsonString(RunJson.Options));
        }
        else if (report is not null)
        {
            await RunReportText.WriteAsync(report, output);
            await output.WriteLineAsync($"Report: {documents.AddressOf(manifest.Layout.ReportHtml)}");
        }
        else
        {
            await WriteTextAsync(manifest, rows, output);
        }

        var allDone = rows.All(r => r.Status.State == ItemState.Done) && manifest.Tables.All(t => t.PlanError is null);
        return allDone ? ExitCodes.Success : ExitCodes.Failed;
    }

    private static string FindWorkflowOf(string runId, Core.Runs.IRunDocuments documents, string root)
    {
        var workflows = documents is LocalFolderRunDocuments local ? local.FindWorkflowsOfRun(runId) : [];
        return workflows.Count switch
        {
            1 => workflows[0],
            0 => throw new UsageException($"no run '{runId}' under {root}/runs/. Check the run id, or pass --staging DIR / --workflow W."),
            _ => throw new UsageException($"run id '{runId}' exists for several workflows ({string.Join(", ", workflows)}): pass --workflow W."),
        };
    }

    private static async Task WriteTextAsync(RunManifest manifest, List<(ManifestTable Table, ItemStatus Status)> rows, TextWriter output)
    {
        var counts = rows.GroupBy(r => r.Status.State).ToDictionary(g => g.Key, g => g.Count());
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"run {manifest.RunId} of {manifest.Workflow}: {rows.Count} items — {counts.GetValueOrDefault(ItemState.Done)} done, {counts.GetValueOrDefault(ItemState.Running)} running, {counts.GetValueOrDefault(ItemState.Failed)} failed, {counts.GetValueOrDefault(ItemState.Pending)} pending{NotPlanned(manifest)}"));
        foreach (var table in manifest.Tables.Where(t => t.PlanError is not null))
        {
            await output.WriteLineAsync($"  {table.OutTable,-28} not planned: {table.PlanError}");
        }

        foreach (var (table, status) in rows)
        {
            var line = string.Create(CultureInfo.InvariantCulture,
                $"  {table.OutTable,-28} {status.Item}  lane {table.Items.First(i => i.Id == status.Item).Lane,-3} {status.State.ToString().ToLowerInvariant(),-8} {status.Rows ?? 0,12:N0} rows  {status.Parts?.Count ?? 0,3} parts  attempts {status.Attempts}");
            await output.WriteLineAsync(status.Error is null ? line : $"{line}\n      {status.Error}");
        }
    }

    /// <summary>Tables that could not be planned have no items; the header counts them separately so they are not missed.</summary>
    private static string NotPlanned(RunManifest manifest)
        => manifest.Tables.Count(t => t.PlanError is not null) is var count and > 0 ? $"; {count} of {manifest.Tables.Count} tables not planned" : "";

    private static JsonObject ToJson(RunManifest manifest, List<(ManifestTable Table, ItemStatus Status)> rows) => new()
    {
        ["workflow"] = manifest.Workflow,
        ["run_id"] = manifest.RunId,
        ["items"] = new JsonArray(rows.Select(r => JsonNode.Parse(RunJson.Serialize(r.Status))).ToArray()),
        ["plan_errors"] = new JsonArray(manifest.Tables.Where(t => t.PlanError is not null)
            .Select(t => (JsonNode)new JsonObject { ["table"] = t.OutTable, ["error"] = t.PlanError }).ToArray()),
    };
}
