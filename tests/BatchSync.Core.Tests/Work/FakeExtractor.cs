using System.Collections.Concurrent;
using BatchSync.Core.Runs;
using BatchSync.Core.Work;

namespace BatchSync.Core.Tests.Work;

/// <summary>An extractor that "stages" a fixed number of rows per item, or fails as a test scripts it. Every lane shares it.</summary>
internal sealed class FakeExtractor : IItemExtractor, ILaneExtractor
{
    private int _lanesOpen;

    /// <summary>Lanes opened and not yet closed.</summary>
    public int LanesOpen => Volatile.Read(ref _lanesOpen);

    public ILaneExtractor OpenLane()
    {
        Interlocked.Increment(ref _lanesOpen);
        return this;
    }

    public ValueTask DisposeAsync()
    {
        Interlocked.Decrement(ref _lanesOpen);
        return ValueTask.CompletedTask;
    }

    public ConcurrentQueue<string> Calls { get; } = new();

    /// <summary>Per item key (table/item): exceptions to throw on successive attempts before succeeding.</summary>
    public ConcurrentDictionary<string, Queue<Exception>> Failures { get; } = new();

    public Func<ItemExtraction, CancellationToken, Task>? BeforeFinish { get; set; }

    public async Task<ExtractedItem> ExtractAsync(ItemExtraction extraction, IProgress<ExtractionProgress> progress, CancellationToken cancellationToken)
    {
        var key = $"{extraction.Table.OutTable}/{extraction.Item.Id}";
        Calls.Enqueue(key);
        if (Failures.TryGetValue(key, out var failures) && failures.TryDequeue(out var failure))
        {
            throw failure;
        }

        progress.Report(new ExtractionProgress(5, 50));
        if (BeforeFinish is not null)
        {
            await BeforeFinish(extraction, cancellationToken);
        }

        return new ExtractedItem(10, [new StagedPart("part-00000.csv.gz", 10, 100, 40, "00")]);
    }
}
