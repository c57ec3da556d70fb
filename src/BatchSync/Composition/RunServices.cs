using BatchSync.Core.Finish;
using BatchSync.Core.Launch;
using BatchSync.Core.Load;
using BatchSync.Core.Planning;
using BatchSync.Core.Progress;
using BatchSync.Core.Runs;
using BatchSync.Core.Work;

namespace BatchSync.Composition;

/// <summary>
/// The run pipeline's parts wired together for one command, from the adapters it was given; <c>laneLogs</c> links each
/// lane's logs from the report (on AWS), null for none.
/// </summary>
internal sealed class RunServices(IRunDocuments documents, IItemExtractor extractor, IDestination destination, IRunProgress progress, TimeProvider time, Func<RunManifest, IReadOnlyList<LaneLog>>? laneLogs = null)
{
    /// <summary>Pause before retrying a transient failure (multiplied by the retry number).</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    public RunStore Store { get; } = new(documents);

    public WatermarkStore Watermarks { get; } = new(documents);

    public LaneWorker Worker => new(Store, extractor, destination, progress, time, RetryDelay);

    public RunFinisher Finisher => new(Store, Watermarks, destination, progress, time, laneLogs);

    /// <param name="openCatalog">Opens the source catalog the planner reads.</param>
    /// <param name="launcher">Where the lanes run; null runs them in this process.</param>
    public RunPipeline Pipeline(Func<ISourceCatalog> openCatalog, IJobLauncher? launcher = null)
        => new(new RunPlanner(openCatalog, Watermarks), Store, launcher ?? new InProcessLauncher(Worker), Finisher, destination, progress);
}
