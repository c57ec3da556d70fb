using BatchSync.Core.Runs;
using BatchSync.Core.Work;

namespace BatchSync.Core.Launch;

/// <summary>Runs the lanes concurrently as tasks of this process — the local stand-in for an array job.</summary>
public sealed class InProcessLauncher(LaneWorker worker) : IJobLauncher
{
    public async Task<LaunchResult> RunLanesAsync(RunManifest manifest, CancellationToken cancellationToken)
    {
        var lanes = Enumerable.Range(0, manifest.Lanes)
            .Select(lane => Task.Run(() => worker.RunLaneAsync(manifest, lane, cancellationToken), cancellationToken))
            .ToList();
        try
        {
            await Task.WhenAll(lanes);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Each lane's failure is collected below; one broken lane does not hide the others.
        }

        cancellationToken.ThrowIfCancellationRequested();
        var errors = lanes
            .Select((task, lane) => task.IsFaulted ? $"Lane {lane} stopped: {FailureMessage.Of(task.Exception!.GetBaseException())}" : null)
            .OfType<string>()
            .ToList();
        return new LaunchResult(manifest.Lanes, errors);
    }
}
