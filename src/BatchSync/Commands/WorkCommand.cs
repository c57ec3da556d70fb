using System.CommandLine;
using BatchSync.Commands.Work;
using BatchSync.Composition;

namespace BatchSync.Commands;

/// <summary><c>batchsync work</c>: runs one lane of a planned run — the AWS Batch array child.</summary>
internal static class WorkCommand
{
    private const string Description = """
        Run one lane of a planned run: extract (and load) the lane's items listed in the run manifest.
        This is what each child of the AWS Batch array job runs; `run --local` runs the same code in-process.

        Examples:
          batchsync work .batchsync/staging/runs/shop/20261121T180000Z-1a2b3c/manifest.json --lane 0
          AWS_BATCH_JOB_ARRAY_INDEX=3 batchsync work <manifest>      lane from the array index
          BATCHSYNC_RUN=<manifest> batchsync work                    manifest from the environment

        Items already done (their status.json says so) are skipped, so a retried child only redoes the rest.
        Exit code: 0 all of the lane's items done, 1 some item failed, 2 bad usage, 130/143 stopped by SIGINT/SIGTERM
        (the item in progress is recorded as failed; a retried child redoes it).
        """;

    public static Command Create() => Create(ProductionAdapters.Instance, TimeProvider.System);

    public static Command Create(IRunAdapters adapters, TimeProvider time)
    {
        var manifest = new Argument<string?>("MANIFEST") { Description = "The run manifest (<staging>/runs/<workflow>/<run-id>/manifest.json); default $BATCHSYNC_RUN.", Arity = ArgumentArity.ZeroOrOne };
        var lane = WholeNumberOption.Create("--lane", "The lane to run; default $AWS_BATCH_JOB_ARRAY_INDEX (or 0 when the run has one lane).", 0, 9_999);
        var secrets = new Option<string?>("--secrets") { Description = "A JSON file {\"<secret id>\": value} answering secret: references locally." };

        var command = new Command("work", Description) { manifest, lane, secrets };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var configuration = parseResult.InvocationConfiguration;
            var outputIsTerminal = configuration.Output == Console.Out && !Console.IsOutputRedirected;
            return await CommandFailures.RunAsync(
                configuration.Error,
                () => new WorkRunner(adapters, time).RunAsync(
                    parseResult.GetValue(manifest), parseResult.GetValue(lane), parseResult.GetValue(secrets),
                    configuration.Output, configuration.Error, outputIsTerminal, cancellationToken),
                cancellationToken);
        });
        return command;
    }
}
