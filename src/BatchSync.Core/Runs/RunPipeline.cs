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
        if (manifest is null)
        {
            manifest = await planner.PlanAsync(request, cancellationToken);
            await store.WriteManifestAsync(manifest, cancellationToken);
        }

        progress.RunPlanned(manifest);
        await destination.PrepareAsync(manifest, cancellationToken);
        var launch = await launcher.RunLanesAsync(manifest, cancellationToken);
        var report = await finisher.FinishAsync(manifest, cancellationToken);
        return new RunResult(manifest, report, launch, resumed);
    }
}
