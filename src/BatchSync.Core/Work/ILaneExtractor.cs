namespace BatchSync.Core.Work;

/// <summary>
/// One lane's extractor: streams an item's rows from the source into gzip CSV parts (<c>part-00000.csv.gz</c>, …)
/// under <see cref="ItemExtraction.PartPrefix"/> in staging. What it holds open is reused from item to item, reset
/// between them, and still usable after an item fails; disposing it closes what it holds.
/// </summary>
public interface ILaneExtractor : IAsyncDisposable
{
    /// <exception cref="OperationCanceledException">Cancelled; no part is left looking complete.</exception>
    Task<ExtractedItem> ExtractAsync(ItemExtraction extraction, IProgress<ExtractionProgress> progress, CancellationToken cancellationToken);
}
