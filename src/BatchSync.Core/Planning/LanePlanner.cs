namespace BatchSync.Core.Planning;

/// <summary>
/// Spreads work items over lanes (the children of an array job, or in-process workers) so the lanes finish
/// close together: largest item first, each to the lane with the least work so far (LPT scheduling).
/// </summary>
public static class LanePlanner
{
    /// <summary>How many lanes a run gets: never more than the items, the parallelism asked for, or the source's connection cap.</summary>
    public static int LaneCount(int items, int parallelism, int? maxConnections)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(items);
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        var lanes = Math.Min(items, parallelism);
        if (maxConnections is { } cap)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(cap, 1, nameof(maxConnections));
            lanes = Math.Min(lanes, cap);
        }

        return Math.Max(lanes, items == 0 ? 0 : 1);
    }

    /// <summary>Returns, per lane, the items assigned to it, each lane's items in the order they should run (largest first).</summary>
    public static IReadOnlyList<IReadOnlyList<T>> Assign<T>(IReadOnlyList<SizedWork<T>> items, int laneCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(laneCount, items.Count == 0 ? 0 : 1);
        var lanes = Enumerable.Range(0, laneCount).Select(_ => new List<T>()).ToArray();
        var load = new PriorityQueue<int, (long Bytes, int Lane)>();
        for (var lane = 0; lane < laneCount; lane++)
        {
            load.Enqueue(lane, (0, lane));
        }

        // A stable order for equal sizes keeps plans reproducible from the same inputs.
        var ordered = items.Select((item, index) => (item, index))
            .OrderByDescending(x => x.item.EstimatedBytes)
            .ThenBy(x => x.index);
        foreach (var (item, _) in ordered)
        {
            load.TryDequeue(out var lane, out var priority);
            lanes[lane].Add(item.Work);
            load.Enqueue(lane, (priority.Bytes + Math.Max(item.EstimatedBytes, 1), lane));
        }

        return lanes;
    }
}
