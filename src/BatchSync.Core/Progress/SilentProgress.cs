using BatchSync.Core.Runs;
using BatchSync.Core.Work;

namespace BatchSync.Core.Progress;

/// <summary>Reports nothing.</summary>
public sealed class SilentProgress : IRunProgress
{
    public static SilentProgress Instance { get; } = new();

    public void RunPlanned(RunManifest manifest)
    {
    }

    public void ItemStarted(ManifestTable table, ManifestItem item, int attempt)
    {
    }

    public void ItemProgressed(ManifestTable table, ManifestItem item, ExtractionProgress progress)
    {
    }

    public void ItemExtracted(ManifestTable table, ManifestItem item)
    {
    }

    public void ItemSkipped(ManifestTable table, ManifestItem item, ItemStatus status)
    {
    }

    public void ItemFinished(ManifestTable table, ManifestItem item, ItemStatus status)
    {
    }

    public void TableFinished(TableReport table)
    {
    }

    public void RunFinished(RunReport report)
    {
    }
}
