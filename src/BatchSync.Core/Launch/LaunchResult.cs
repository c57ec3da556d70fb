namespace BatchSync.Core.Launch;

/// <summary>How the lanes ended. Item outcomes are in their statuses; <see cref="LaneErrors"/> are lanes that broke off altogether.</summary>
public sealed record LaunchResult(int Lanes, IReadOnlyList<string> LaneErrors)
{
    public bool AllLanesCompleted => LaneErrors.Count == 0;
}
