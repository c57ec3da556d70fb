using System.CommandLine;
using BatchSync.Commands.Run;
using BatchSync.Composition;

namespace BatchSync.Commands;

/// <summary><c>batchsync run</c>: one run of a workflow — plan, lanes, finish.</summary>
internal static class RunCommand
{
    private const string Description = """
        Run a workflow: plan the tables, copy them in parallel lanes, land (or stage) them, report.

        Examples:
          batchsync run demo --local                          workflows/demo.yml, in this process
          batchsync run workflows/shop.yml --local --tables users,orders
          batchsync run shop --local --parallelism 8 --secrets secrets.json
          batchsync run shop --local --run-id 20261121-nightly   name the run; the same id again resumes it
          batchsync run shop --local --staging /tmp/staging      stage into another folder
          batchsync run shop --run-id 2026-11-21T18:00:00Z       on AWS Batch (the run job): lanes as an array job
          batchsync run shop --local --run-date 2026-11-20       backfill: re-run a missed day with that day's {run_date}

        {run_date} and {run_time} in out_table stand for the time the run is for, not when it happened to start:
        the schedule's event time when --run-id is one (EventBridge passes it), midnight of --run-date in the
        workflow's timezone for a backfill, otherwise the start time.

        Without --local the lanes run as an AWS Batch array job of `batchsync work` children; staging must then be
        s3://…, and the run job's environment names the queue and the work job definition (docs/aws.md).

        A run writes runs/<workflow>/<run-id>/ under the staging folder: manifest.json, per table the gzip CSV
        parts, item status.json files, schema.json and load.json, and report.json/report.html at the end.
        Running the same --run-id again resumes it: the manifest is reused and finished items are skipped.

        Output: on a terminal, a live line per table; otherwise one JSON object per line (events) on stdout.
        Exit code: 0 every table ok, 1 some table failed (the others still landed), 2 bad usage or invalid workflow,
        130 interrupted by Ctrl-C (SIGINT), 143 stopped by SIGTERM: items in progress are recorded as failed and the
        same --run-id resumes the run.
        """;

    public static Command Create() => Create(ProductionAdapters.Instance, TimeProvider.System);

    public static Command Create(IRunAdapters adapters, TimeProvider time)
    {
        var workflow = new Argument<string>("WORKFLOW") { Description = "A workflow name under workflows/ (demo → workflows/demo.yml) or a file path." };
        var local = new Option<bool>("--local") { Description = "Run the lanes in this process instead of as an AWS Batch array job." };
        var tables = new Option<string?>("--tables") { Description = "Only these tables, comma-separated (source or out_table names)." };
        var parallelism = WholeNumberOption.Create("--parallelism", "Lanes to run at once (default: defaults.parallelism; capped by source.max_connections).", 1, 10_000);
        var runId = new Option<string?>("--run-id") { Description = "The run's id; an existing run with this id is resumed. Default: $AWS_BATCH_JOB_ID (so a retried run job attempt resumes its run), else a new id from the start time." };
        var secrets = new Option<string?>("--secrets") { Description = "A JSON file {\"<secret id>\": value} answering secret: references locally." };
        var staging = new Option<string?>("--staging") { Description = "Stage into this folder instead of the workflow's staging.uri." };
        var runDate = new Option<string?>("--run-date") { Description = "Backfill: run as if scheduled on this day (YYYY-MM-DD, in the workflow's timezone), for {run_date} in out_table." };
        runDate.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } text && !RunDates.TryParse(text, out _))
            {
                result.AddError($"--run-date '{text}' is not a date; write it as YYYY-MM-DD, e.g. 2026-11-20.");
            }
        });

        var command = new Command("run", Description) { workflow, local, tables, parallelism, runId, secrets, staging, runDate };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var configuration = parseResult.InvocationConfiguration;
            var options = new RunCommandOptions(
                parseResult.GetValue(workflow)!,
                parseResult.GetValue(local),
                parseResult.GetValue(tables)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                parseResult.GetValue(parallelism),
                parseResult.GetValue(runId),
                parseResult.GetValue(secrets),
                parseResult.GetValue(staging),
                parseResult.GetValue(runDate) is { } date && RunDates.TryParse(date, out var day) ? day : null);
            var outputIsTerminal = configuration.Output == Console.Out && !Console.IsOutputRedirected;
            return await CommandFailures.RunAsync(
                configuration.Error,
                () => new RunRunner(adapters, time).RunAsync(options, configuration.Output, configuration.Error, outputIsTerminal, cancellationToken),
                cancellationToken);
        });
        return command;
    }
}
