using BatchSync.Core.Runs;
using BatchSync.Core.Work;

namespace BatchSync.Core.Progress;

/// <summary>Events of a run as it happens, for a live terminal view or a structured log. Called from several lanes at once.</summary>
public interface IRunProgress
{
    void RunPlanned(RunManifest manifest);

    void ItemStarted(ManifestTable table, ManifestItem item, int attempt);

    void ItemProgressed(ManifestTable table, ManifestItem item, ExtractionProgress progress);

    /// <summary>An attempt has read all its rows; loading them (if the destination loads per item) follows.</summary>
    void ItemExtracted(ManifestTable table, ManifestItem item);

    /// <summary>An earlier attempt of the run already did this item.</summary>
    void ItemSkipped(ManifestTable table, ManifestItem item, ItemStatus status);

    void ItemFinished(ManifestTable table, ManifestItem item, ItemStatus status);

    void TableFinished(TableReport table);

    void RunFinished(RunReport report);
}
