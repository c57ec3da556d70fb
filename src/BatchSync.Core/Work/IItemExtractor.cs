namespace BatchSync.Core.Work;

/// <summary>
/// Streams one item's rows from the source into gzip CSV parts (<c>part-00000.csv.gz</c>, …) under
/// <see cref="ItemExtraction.PartPrefix"/> in staging.
/// </summary>
public interface IItemExtractor
{
    /// <exception cref="OperationCanceledException">Cancelled; no part is left looking complete.</exception>
    Task<ExtractedItem> ExtractAsync(ItemExtraction extraction, IProgress<ExtractionProgress> progress, CancellationToken cancellationToken);
}
