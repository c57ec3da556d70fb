using BatchSync.Core.Runs;

namespace BatchSync.Core.Launch;

/// <summary>Runs every lane of a manifest (an AWS Batch array job, or tasks in this process) and waits for them.</summary>
public interface IJobLauncher
{
    Task<LaunchResult> RunLanesAsync(RunManifest manifest, CancellationToken cancellationToken);
}
