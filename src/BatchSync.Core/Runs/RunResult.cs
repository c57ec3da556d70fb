using BatchSync.Core.Launch;

namespace BatchSync.Core.Runs;

/// <summary>A finished run: its plan, its report, how its lanes ended, and whether it resumed an earlier attempt.</summary>
public sealed record RunResult(RunManifest Manifest, RunReport Report, LaunchResult Launch, bool Resumed)
{
    public bool Succeeded => Report.Succeeded && Launch.AllLanesCompleted;
}
