using System.CommandLine;
using BatchSync.Commands.Status;
using BatchSync.Composition;

namespace BatchSync.Commands;

/// <summary><c>batchsync status</c>: what the items of a run are doing or did.</summary>
internal static class StatusCommand
{
    private const string Description = """
        Show a run: once finished, its report (each table's outcome, rows read and loaded, time and MB/s, failures
        with their step, the lanes' items in order with retries, row counts that dropped since the last successful
        run); while it runs, its items: state (pending, running, done, failed), rows, parts, attempts and errors.

        Examples:
          batchsync status 20261121T180000Z-1a2b3c                   finds the run under .batchsync/staging
          batchsync status nightly-1 --workflow shop                 the workflow's staging folder
          batchsync status nightly-1 --staging /tmp/staging --format json

        Exit code: 0 every item done, 1 some item not done, 2 no such run.
        """;

    public static Command Create() => Create(ProductionAdapters.Instance);

    public static Command Create(IRunAdapters adapters)
    {
        var run = new Argument<string>("RUN") { Description = "The run id." };
        var workflow = new Option<string?>("--workflow") { Description = "The run's workflow (name or file); found from the staging folder when omitted." };
        var staging = new Option<string?>("--staging") { Description = "The staging folder (default: the workflow's staging.uri, else .batchsync/staging)." };
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");

        var command = new Command("status", Description) { run, workflow, staging, format };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var configuration = parseResult.InvocationConfiguration;
            return await CommandFailures.RunAsync(
                configuration.Error,
                () => new StatusRunner(adapters).RunAsync(
                    parseResult.GetValue(run)!, parseResult.GetValue(workflow), parseResult.GetValue(staging), parseResult.GetValue(format) == "json",
                    configuration.Output, configuration.Error, cancellationToken),
                cancellationToken);
        });
        return command;
    }
}
