using BatchSync.Core.Finish;
using BatchSync.Core.Launch;
using BatchSync.Core.Load;
using BatchSync.Core.Planning;
using BatchSync.Core.Progress;

namespace BatchSync.Core.Runs;

/// <summary>
/// One run from the parent's side: plan (or find the manifest an earlier attempt of the same run id wrote),
/// run the lanes, finish. Re-running a run id resumes it: the manifest is reused and done items are skipped.
/// </summary>
public sealed class RunPipeline(RunPlanner planner, RunStore store, IJobLauncher launcher, RunFinisher finisher, IDestination destination, IRunProgress progress)
{
    public async Task<RunResult> RunAsync(RunPlanRequest request, CancellationToken cancellationToken)
    {
        var manifest = await store.FindManifestAsync(request.Workflow, request.RunId.Value, cancellationToken);
        var resumed = manifest is not null;
        if (manifest is not null)
        {
            EnsureSameWorkflow(manifest, request);
            await store.WithdrawUnfinishedWritesAsync(manifest, cancellationToken);
        }
        else
        {
            manifest = await planner.PlanAsync(request, cancellationToken);
            await store.WriteManifestAsync(manifest, cancellationToken);
        }

        progress.RunPlanned(manifest);
        await destination.PrepareAsync(resumed ? await WithoutLandedTablesAsync(manifest, cancellationToken) : manifest, cancellationToken);
        var launch = await launcher.RunLanesAsync(manifest, cancellationToken);
        var report = await finisher.FinishAsync(manifest, cancellationToken);
        return new RunResult(manifest, report, launch, resumed);
    }

    /// <summary>
    /// A table an earlier attempt of the run landed needs nothing from the destination any more: preparing it again
    /// would recreate the staging table its landing dropped, and no landing would drop it again.
    /// </summary>
    private async Task<RunManifest> WithoutLandedTablesAsync(RunManifest manifest, CancellationToken cancellationToken)
    {
        var unlanded = new List<ManifestTable>();
        foreach (var table in manifest.Tables)
        {
            if (!await store.HasLandedAsync(manifest, table, cancellationToken))
            {
                unlanded.Add(table);
            }
        }

        return manifest with { Tables = unlanded };
    }

    /// <summary>
    /// A resumed run follows its manifest, not the workflow file: if the workflow (or --tables) changed since, resuming
    /// would silently repeat the old plan, so say so and what to do instead.
    /// </summary>
    private static void EnsureSameWorkflow(RunManifest manifest, RunPlanRequest request)
    {
        if (manifest.WorkflowHash is null || request.WorkflowHash is null || manifest.WorkflowHash == request.WorkflowHash)
        {
            return;
        }

        var planned = manifest.Tables.Select(t => t.SourceName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var asked = request.Tables.Select(t => t.SourceName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var what = planned.SetEquals(asked)
            ? "the settings of its tables differ from the workflow as it is now"
            : $"it was planned for {string.Join(", ", planned.Order(StringComparer.Ordinal))}, and this run asks for {string.Join(", ", asked.Order(StringComparer.Ordinal))}";
        throw new WorkflowChangedException(
            $"Run {manifest.RunId} cannot be resumed as asked: {what} (the workflow or --tables changed since the run was planned). "
            + $"A resumed run repeats its original plan. Start a new run (another --run-id, or none) to plan with the current workflow, "
            + $"or restore the workflow and run again with --run-id {manifest.RunId} and the same --tables.");
    }
}
