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
        var launcher = options.Local ? null : BatchLaunch.Create(stagingRoot, adapters.OpenStaging(stagingRoot));
        var references = await References.CreateAsync(options.SecretsFile, cancellationToken);
        var connection = await references.ResolveConnectionAsync(workflow.Source, cancellationToken);
        var request = WorkflowPlanRequests.Create(workflow, new RunOptions(
            runId, time.GetUtcNow(), options.Tables, options.Parallelism, stagingRoot, connection.Database ?? ""));

        var documents = adapters.OpenStaging(stagingRoot);
        var source = SourceOptions.Of(workflow);
        var human = outputIsTerminal ? output : error;
        var terminal = outputIsTerminal ? new TerminalProgress(output, time) : null;
        IRunProgress progress = terminal is not null ? terminal : new JsonLinesProgress(output, time, TimeSpan.FromSeconds(5));
        var services = new RunServices(documents, adapters.CreateExtractor(connection, source, stagingRoot), await adapters.CreateWarehouseAsync(workflow, references, stagingRoot, cancellationToken), progress, time);

        await using var lease = await AcquireLeaseAsync(documents, request, cancellationToken);
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

    private RunId ParseRunId(string? value)
    {
        if (value is null)
        {
            return RunId.New(time.GetUtcNow());
        }

        return RunId.TryParse(value, out var runId, out var problem) ? runId : throw new UsageException(problem!);
    }
}
