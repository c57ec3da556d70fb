using BatchSync.Composition;
using BatchSync.Composition.Aws;
using BatchSync.Core.Planning;
using BatchSync.Core.Runs;
using BatchSync.Core.Work;
using BatchSync.Core.Workflows.Model;
using BatchSync.Core.Workflows.References;
using BatchSync.Logging;
using BatchSync.Notify;

namespace BatchSync.Commands.Run;

/// <summary>
/// <c>batchsync run</c>: load the workflow, plan (or resume) the run, run its lanes in this process, finish, notify.
/// Exit 0 when every table landed or staged, 1 when some table failed, 2 when nothing could be run.
/// </summary>
internal sealed class RunRunner(IRunAdapters adapters, TimeProvider time)
{
    private readonly RunNotifier _notifier = new(new SlackWebhook());

    /// <summary>
    /// Set by AWS Batch in every container, and the same for every attempt of one job: a retried run job attempt
    /// resumes the run its first attempt started instead of starting (and appending) a second one.
    /// </summary>
    public const string BatchJobIdVariable = "AWS_BATCH_JOB_ID";

    public async Task<int> RunAsync(RunCommandOptions options, TextWriter output, TextWriter error, bool outputIsTerminal, CancellationToken cancellationToken)
    {
        var workflow = await WorkflowOpener.OpenAsync(options.Workflow, error, cancellationToken);
        var runId = ParseRunId(options.RunId ?? Environment.GetEnvironmentVariable(BatchJobIdVariable));
        var references = await References.CreateAsync(options.SecretsFile, cancellationToken);
        var human = outputIsTerminal ? output : error;
        var log = CommandLog.Create(output, error, outputIsTerminal).ForContext("workflow", workflow.Name).ForContext("run_id", runId.Value);
        var started = time.GetUtcNow();
        try
        {
            return await RunWorkflowAsync(options, workflow, runId, references, output, human, log, outputIsTerminal, cancellationToken);
        }
        catch (Exception exception) when (exception is not (OperationCanceledException or UsageException))
        {
            // A run that breaks off before its report (unreachable source or destination) still tells the channel.
            var notice = RunNotice.Aborted(workflow.Name, runId.Value, time.GetUtcNow() - started, FailureMessage.Of(exception));
            await _notifier.NotifyAsync(workflow, references, notice, reportLink: null, log, cancellationToken);
            throw;
        }
    }

    private async Task<int> RunWorkflowAsync(RunCommandOptions options, WorkflowDefinition workflow, RunId runId, ReferenceResolver references, TextWriter output, TextWriter human, Serilog.ILogger log, bool outputIsTerminal, CancellationToken cancellationToken)
    {
        var stagingRoot = StagingRoots.Choose(options.Staging, workflow);
        StagingSites.UseKmsKey(stagingRoot, workflow.Staging.KmsKeyId);
        if (!options.Local && workflow.Destination.Type == Core.Workflows.Model.DestinationType.DuckDb)
        {
            throw new UsageException($"destination type duckdb lands in a file on this machine ({workflow.Destination.Path}), which AWS Batch containers do not share: run with --local.");
        }

        var launcher = options.Local ? null : BatchLaunch.Create(stagingRoot, adapters.OpenStaging(stagingRoot));
        var connection = await references.ResolveConnectionAsync(workflow.Source, cancellationToken);
        var request = WorkflowPlanRequests.Create(workflow, new RunOptions(
            runId, time.GetUtcNow(), options.Tables, options.Parallelism, stagingRoot, connection.Database ?? "", ScheduledFor(options, runId, workflow.TimeZone)));

        var documents = adapters.OpenStaging(stagingRoot);
        var source = SourceOptions.Of(workflow, human);
        ILiveProgress progress = outputIsTerminal ? new TerminalProgress(output, time) : new LogProgress(log, time, TimeSpan.FromSeconds(5));
        var services = new RunServices(documents, adapters.CreateExtractor(connection, source, stagingRoot), await adapters.CreateDestinationAsync(workflow, references, stagingRoot, cancellationToken), progress, time,
            launcher is null ? null : LaneLogLinks.FromEnvironment());

        await using var lease = await AcquireLeaseAsync(documents, request, cancellationToken);
        RunResult result;
        try
        {
            result = await services.Pipeline(() => adapters.CreateCatalog(connection, source), launcher).RunAsync(request, cancellationToken);
        }
        finally
        {
            await progress.DisposeAsync();
        }

        if (result.Resumed)
        {
            await human.WriteLineAsync($"Resumed run {result.Manifest.RunId} from its manifest: items done by the earlier attempt were kept.");
        }

        await RunSummaryWriter.WriteAsync(result, documents, human);
        await _notifier.NotifyAsync(workflow, references, RunNotice.Of(result, reportLink: null), () => ReportLinks.OfAsync(documents, result.Manifest.Layout.ReportHtml), log, cancellationToken);
        return result.Succeeded ? ExitCodes.Success : ExitCodes.Failed;
    }

    private async Task<IAsyncDisposable?> AcquireLeaseAsync(IRunDocuments documents, RunPlanRequest request, CancellationToken cancellationToken)
    {
        if (documents is not IRunLeases leases)
        {
            return null;
        }

        var key = new RunLayout(request.Workflow, request.RunId.Value).Lease;
        return await leases.TryAcquireAsync(key, RunLeaseHolder.Current(time.GetUtcNow()), cancellationToken)
            ?? throw new UsageException(
                $"Run {request.RunId} of workflow {request.Workflow} is already running: another process holds its lease {documents.AddressOf(key)}. "
                + "Wait for it to finish, or start a new run (another --run-id, or none). If no run is active (one was killed outright on S3), delete the lease and resume.");
    }

    /// <summary>The time the run stands for: a backfilled day, or the schedule's event time carried by the run id.</summary>
    private static DateTimeOffset? ScheduledFor(RunCommandOptions options, RunId runId, TimeZoneInfo zone)
    {
        if (options.RunDate is not { } date)
        {
            return runId.ScheduledTime;
        }

        if (runId.ScheduledTime is { } scheduled)
        {
            throw new UsageException($"--run-date {date:yyyy-MM-dd} and the scheduled time {scheduled:u} in --run-id name two different days; give one of them.");
        }

        var midnight = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
    }

    private RunId ParseRunId(string? value)
    {
        if (value is null)
        {
            return RunId.New(time.GetUtcNow());
        }

        return RunId.TryParse(value, out var runId, out var problem) ? runId : throw new UsageException(problem!);
    }
}
