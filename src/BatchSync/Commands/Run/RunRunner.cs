using BatchSync.Composition;
using BatchSync.Composition.Aws;
using BatchSync.Core.Planning;
using BatchSync.Core.Progress;
using BatchSync.Core.Runs;

namespace BatchSync.Commands.Run;

/// <summary>
/// <c>batchsync run</c>: load the workflow, plan (or resume) the run, run its lanes in this process, finish.
/// Exit 0 when every table landed or staged, 1 when some table failed, 2 when nothing could be run.
/// </summary>
internal sealed class RunRunner(IRunAdapters adapters, TimeProvider time)
{
    public async Task<int> RunAsync(RunCommandOptions options, TextWriter output, TextWriter error, bool outputIsTerminal, CancellationToken cancellationToken)
    {
        var workflow = await WorkflowOpener.OpenAsync(options.Workflow, error, cancellationToken);
        var runId = ParseRunId(options.RunId);
        var stagingRoot = StagingRoots.Choose(options.Staging, workflow);
        StagingSites.UseKmsKey(stagingRoot, workflow.Staging.KmsKeyId);
        if (!options.Local && workflow.Destination.Type == Core.Workflows.Model.DestinationType.DuckDb)
        {
            throw new UsageException($"destination type duckdb lands in a file on this machine ({workflow.Destination.Path}), which AWS Batch containers do not share: run with --local.");
        }

        var launcher = options.Local ? null : BatchLaunch.Create(stagingRoot, adapters.OpenStaging(stagingRoot));
        var references = await References.CreateAsync(options.SecretsFile, cancellationToken);
        var connection = await references.ResolveConnectionAsync(workflow.Source, cancellationToken);
        var request = WorkflowPlanRequests.Create(workflow, new RunOptions(
            runId, time.GetUtcNow(), options.Tables, options.Parallelism, stagingRoot, connection.Database ?? "", ScheduledFor(options, runId, workflow.TimeZone)));

        var documents = adapters.OpenStaging(stagingRoot);
        var source = SourceOptions.Of(workflow, error);
        var human = outputIsTerminal ? output : error;
        var terminal = outputIsTerminal ? new TerminalProgress(output, time) : null;
        IRunProgress progress = terminal is not null ? terminal : new JsonLinesProgress(output, time, TimeSpan.FromSeconds(5));
        var services = new RunServices(documents, adapters.CreateExtractor(connection, source, stagingRoot), await adapters.CreateDestinationAsync(workflow, references, stagingRoot, cancellationToken), progress, time);

        RunResult result;
        try
        {
            result = await services.Pipeline(() => adapters.CreateCatalog(connection, source), launcher).RunAsync(request, cancellationToken);
        }
        finally
        {
            if (terminal is not null)
            {
                await terminal.DisposeAsync();
            }
        }

        if (result.Resumed)
        {
            await human.WriteLineAsync($"Resumed run {result.Manifest.RunId} from its manifest: items done by the earlier attempt were kept.");
        }

        await RunSummaryWriter.WriteAsync(result, documents, human);
        return result.Succeeded ? ExitCodes.Success : ExitCodes.Failed;
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
