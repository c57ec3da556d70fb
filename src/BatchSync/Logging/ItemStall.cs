using BatchSync.Core.Runs;

namespace BatchSync.Logging;

/// <summary>A stalled item: its rows so far and how long it has read none (or had, when the stall ended).</summary>
internal sealed record ItemStall(ManifestTable Table, ManifestItem Item, long Rows, TimeSpan Quiet);
