namespace BatchSync.Core.Work;

/// <summary>How a lane ended: items done in this attempt, skipped because an earlier attempt had done them, and failed.</summary>
public sealed record LaneResult(int Lane, int Done, int Skipped, int Failed)
{
    public bool Succeeded => Failed == 0;
}
