using BatchSync.Core.Runs;
using BatchSync.Core.Work;

namespace BatchSync.Core.Load;

/// <summary>
/// Where a run's tables go: the one port between the run pipeline and a destination (stage only, DuckDB, BigQuery;
/// docs/design.md, "The destination port"). The pipeline calls every method on every destination, with no
/// branches of its own; each step may run again (a retried parent or lane) without landing anything twice.
/// </summary>
public interface IDestination
{
    /// <summary>
    /// Readies every table of the run before any lane starts (datasets, tables, schema evolution, per-run staging).
    /// A problem with one table fails that table alone; a destination that cannot be used at all throws.
    /// </summary>
    /// <exception cref="DestinationException">The destination cannot be used at all.</exception>
    Task PrepareAsync(RunManifest manifest, CancellationToken cancellationToken);

    /// <summary>
    /// Loads one item's staged parts where the table will land from, in the lane that extracted them; returns the
    /// rows the destination counted, or null when this destination loads nothing per item.
    /// </summary>
    Task<long?> LoadItemAsync(RunManifest manifest, ManifestTable table, ManifestItem item, ExtractedItem extracted, CancellationToken cancellationToken);

    /// <summary>
    /// Lands a table whose items are all done (<paramref name="items"/>, with their staged parts), per its mode, and
    /// counts what landed. Called once per table by the finish step; a landing the run already recorded is never
    /// repeated (landed.json).
    /// </summary>
    /// <exception cref="ReconciliationException">The destination counted other rows than the source gave; nothing landed.</exception>
    /// <exception cref="DestinationException">The destination refused the table; it is unchanged.</exception>
    Task<TableLanding> LandTableAsync(RunManifest manifest, ManifestTable table, IReadOnlyList<ItemStatus> items, CancellationToken cancellationToken);
}
