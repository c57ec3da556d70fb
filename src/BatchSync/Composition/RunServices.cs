using BatchSync.Core.Finish;
using BatchSync.Core.Launch;
using BatchSync.Core.Planning;
using BatchSync.Core.Progress;
using BatchSync.Core.Runs;
using BatchSync.Core.Work;

namespace BatchSync.Composition;

/// <summary>The run pipeline's parts wired together for one command, from the adapters it was given.</summary>
internal sealed class RunServices(IRunDocuments documents, IItemExtractor extractor, IWarehouse? warehouse, IRunProgress progress, TimeProvider time)
{
    /// <summary>Pause before retrying a transient failure (multiplied by the retry number).</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    public RunStore Store { get; } = new(documents);

    public WatermarkStore Watermarks { get; } = new(documents);

    public LaneWorker Worker => new(Store, extractor, warehouse, progress, time, RetryDelay);

    public RunFinisher Finisher => new(Store, Watermarks, warehouse, progress, time);

    public RunPipeline Pipeline(Func<ISourceCatalog> openCatalog)
        => new(new RunPlanner(openCatalog, Watermarks), Store, new InProcessLauncher(Worker), Finisher, warehouse, progress);
}
