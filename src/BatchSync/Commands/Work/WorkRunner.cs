using System.Globalization;
using BatchSync.Commands.Run;
using BatchSync.Composition;
using BatchSync.Core.Runs;
using BatchSync.Logging;

namespace BatchSync.Commands.Work;

/// <summary>
/// <c>batchsync work</c>: one lane of a planned run (an array child). Reads everything from the manifest; only the
/// source connection comes from the workflow file. Exit 0 when all of its items are done, 1 when any failed.
/// </summary>
internal sealed class WorkRunner(IRunAdapters adapters, TimeProvider time)
{
    public const string ArrayIndexVariable = "AWS_BATCH_JOB_ARRAY_INDEX";
    public const string ManifestVariable = "BATCHSYNC_RUN";

    public async Task<int> RunAsync(string? manifestArgument, int? laneOption, string? secretsFile, TextWriter output, TextWriter error, bool outputIsTerminal, CancellationToken cancellationToken)
    {
        var manifestPath = manifestArgument ?? Environment.GetEnvironmentVariable(ManifestVariable)
            ?? throw new UsageException($"name the run manifest: batchsync work <staging>/runs/<workflow>/<run-id>/manifest.json (or set {ManifestVariable}).");
        var location = ManifestLocation.Parse(manifestPath);
        var documents = adapters.OpenStaging(location.StagingRoot);
        var manifest = await new RunStore(documents).ReadManifestAsync(location.Key, cancellationToken)
            ?? throw new UsageException($"no manifest at {manifestPath}.");
        var lane = ChooseLane(laneOption, manifest);

        var workflow = await WorkflowOpener.OpenAsync(manifest.WorkflowFile ?? manifest.Workflow, error, cancellationToken);
        StagingSites.UseKmsKey(location.StagingRoot, workflow.Staging.KmsKeyId);
        documents = adapters.OpenStaging(location.StagingRoot);
        var references = await References.CreateAsync(secretsFile, cancellationToken);
        var connection = await references.ResolveConnectionAsync(workflow.Source, cancellationToken);
        ILiveProgress progress = outputIsTerminal
            ? new TerminalProgress(output, time)
            : new LogProgress(CommandLog.Create(output, error, outputIsTerminal).ForContext("lane", lane), time, TimeSpan.FromSeconds(5));
        var services = new RunServices(
            documents, adapters.CreateExtractor(connection, SourceOptions.Of(workflow, error), location.StagingRoot), await adapters.CreateDestinationAsync(workflow, references, location.StagingRoot, cancellationToken), progress, time);

        progress.RunPlanned(manifest);
        Core.Work.LaneResult result;
        try
        {
            result = await services.Worker.RunLaneAsync(manifest, lane, cancellationToken);
        }
        finally
        {
            await progress.DisposeAsync();
        }

        var human = outputIsTerminal ? output : error;
        await human.WriteLineAsync($"lane {lane} of run {manifest.RunId}: {result.Done} items done, {result.Skipped} already done, {result.Failed} failed.");
        return result.Succeeded ? ExitCodes.Success : ExitCodes.Failed;
    }

    private static int ChooseLane(int? option, RunManifest manifest)
    {
        var text = Environment.GetEnvironmentVariable(ArrayIndexVariable);
        int lane;
        if (option is { } given)
        {
            lane = given;
        }
        else if (text is not null)
        {
            lane = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                ? index
                : throw new UsageException($"{ArrayIndexVariable}='{text}' is not a lane number.");
        }
        else if (manifest.Lanes == 1)
        {
            lane = 0;
        }
        else
        {
            throw new UsageException($"the run has {manifest.Lanes} lanes: pass --lane 0..{manifest.Lanes - 1} (array children get it from {ArrayIndexVariable}).");
        }

        return lane >= 0 && lane < manifest.Lanes
            ? lane
            : throw new UsageException($"lane {lane} does not exist: run {manifest.RunId} has lanes 0..{manifest.Lanes - 1}.");
    }
}
