using BatchSync.Composition;
using BatchSync.Core.Planning;
using BatchSync.Core.Runs;

namespace BatchSync.Commands.Plan;

/// <summary><c>batchsync plan</c>: what a run would do, from the live source, without running or writing anything.</summary>
internal sealed class PlanRunner(IRunAdapters adapters, TimeProvider time)
{
    public async Task<int> RunAsync(string workflowName, IReadOnlyList<string>? tables, int? parallelism, string? secretsFile, bool json, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var workflow = await WorkflowOpener.OpenAsync(workflowName, error, cancellationToken);
        var references = await References.CreateAsync(secretsFile, cancellationToken);
        var connection = await references.ResolveConnectionAsync(workflow.Source, cancellationToken);
        var stagingRoot = workflow.Staging.Location.ToString();
        var request = WorkflowPlanRequests.Create(workflow, new RunOptions(
            RunId.New(time.GetUtcNow()), time.GetUtcNow(), tables, parallelism, stagingRoot, connection.Database ?? ""));
        var documents = adapters.OpenStaging(workflow.Staging.Location.IsS3 ? StagingRoots.Choose(null, null) : stagingRoot);
        var planner = new RunPlanner(() => adapters.CreateCatalog(connection, SourceOptions.Of(workflow, error)), new WatermarkStore(documents));
        var manifest = await planner.PlanAsync(request, cancellationToken);

        if (json)
        {
            await output.WriteLineAsync(RunJson.Serialize(manifest));
        }
        else
        {
            await PlanTextWriter.WriteAsync(manifest, output);
        }

        return manifest.Tables.Any(t => t.PlanError is not null) ? ExitCodes.Failed : ExitCodes.Success;
    }
}
