using BatchSync.Core.Runs;

namespace BatchSync.Core.Work;

/// <summary>
/// The destination (BigQuery). Lanes load their items' parts into a per-run staging table; the finish step commits a
/// table only when all of its items are done. Every step is idempotent: a retried step finds its earlier job.
/// </summary>
public interface IWarehouse
{
    /// <summary>Creates what lanes load into (staging tables), once per run, before any lane starts.</summary>
    Task PrepareAsync(RunManifest manifest, CancellationToken cancellationToken);

    /// <summary>Loads one item's staged parts; returns the rows the destination counted.</summary>
    Task<long> LoadItemAsync(RunManifest manifest, ManifestTable table, ManifestItem item, ExtractedItem extracted, CancellationToken cancellationToken);

    /// <summary>Commits a table per its mode and checks the landed rows against <paramref name="expectedRows"/>.</summary>
    Task<TableLanding> FinishTableAsync(RunManifest manifest, ManifestTable table, long expectedRows, CancellationToken cancellationToken);
}
