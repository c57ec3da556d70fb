using BatchSync.Core.Runs;

namespace BatchSync.Logging;

/// <summary>
/// Notices running items that stopped reading rows (a frozen, locked or very busy server): an item whose row count has
/// not moved for <see cref="After"/> is stalled until rows come again or it finishes. <see cref="Check"/> returns a
/// stall once, when it is first seen; <see cref="Progressed"/> returns it when it ends. Called from lanes and a timer at once.
/// </summary>
internal sealed class StallWatch
{
    /// <summary>How long an item may read no rows before it counts as stalled (on the terminal and in the log).</summary>
    public static readonly TimeSpan After = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private readonly Dictionary<(string Table, string Item), Watched> _running = [];

    /// <summary>An attempt started: it has read no rows yet, as of <paramref name="now"/>.</summary>
    public void Started(ManifestTable table, ManifestItem item, DateTimeOffset now)
    {
        lock (_gate)
        {
            _running[(table.OutTable, item.Id)] = new Watched(table, item, Rows: 0, Changed: now, Stalled: false);
        }
    }

    /// <summary>Records the item's rows so far; returns the stall that just ended when rows came again after one.</summary>
    public ItemStall? Progressed(ManifestTable table, ManifestItem item, long rows, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (!_running.TryGetValue((table.OutTable, item.Id), out var watched) || rows == watched.Rows)
            {
                return null;
            }

            _running[(table.OutTable, item.Id)] = watched with { Rows = rows, Changed = now, Stalled = false };
            return watched.Stalled ? new ItemStall(table, item, rows, now - watched.Changed) : null;
        }
    }

    public void Finished(ManifestTable table, ManifestItem item)
    {
        lock (_gate)
        {
            _running.Remove((table.OutTable, item.Id));
        }
    }

    /// <summary>The items that have read no rows for <see cref="After"/> and were not reported stalled yet.</summary>
    public IReadOnlyList<ItemStall> Check(DateTimeOffset now)
    {
        lock (_gate)
        {
            var stalled = _running.Where(entry => !entry.Value.Stalled && now - entry.Value.Changed >= After).ToList();
            foreach (var (key, watched) in stalled)
            {
                _running[key] = watched with { Stalled = true };
            }

            return [.. stalled.Select(entry => new ItemStall(entry.Value.Table, entry.Value.Item, entry.Value.Rows, now - entry.Value.Changed))];
        }
    }

    private sealed record Watched(ManifestTable Table, ManifestItem Item, long Rows, DateTimeOffset Changed, bool Stalled);
}
