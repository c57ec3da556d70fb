using System.CommandLine;
using BatchSync.Commands.Plan;
using BatchSync.Composition;

namespace BatchSync.Commands;

/// <summary><c>batchsync plan</c>: shows the items, lanes, estimates and BigQuery schemas a run would use.</summary>
internal static class PlanCommand
{
    private const string Description = """
        Show what a run would do, without running it. The summary: tables, items, lanes, estimated rows and
        bytes, tables that cannot run (and why), the biggest tables and how evenly the lanes are loaded.
        --verbose adds every table with its items (chunks), incremental bounds and BigQuery schema, and every
        lane's items. Connects to the source; writes nothing.

        Examples:
          batchsync plan demo                              workflows/demo.yml
          batchsync plan workflows/shop.yml --tables orders --parallelism 8 --verbose
          batchsync plan shop --secrets secrets.json --format json     the manifest a run would write

        Exit code: 0 every table can run, 1 some table cannot (the reason is shown), 2 bad usage or invalid workflow.
        """;

    public static Command Create() => Create(ProductionAdapters.Instance, TimeProvider.System);

    public static Command Create(IRunAdapters adapters, TimeProvider time)
    {
        var workflow = new Argument<string>("WORKFLOW") { Description = "A workflow name under workflows/ or a file path." };
        var tables = new Option<string?>("--tables") { Description = "Only these tables, comma-separated." };
        var parallelism = WholeNumberOption.Create("--parallelism", "Lanes (default: defaults.parallelism).", 1, 10_000);
        var secrets = new Option<string?>("--secrets") { Description = "A JSON file {\"<secret id>\": value} answering secret: references locally." };
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var verbose = new Option<bool>("--verbose") { Description = "Text format: list every table (items, schema) and every lane's items, not just the summary." };

        var command = new Command("plan", Description) { workflow, tables, parallelism, secrets, format, verbose };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var configuration = parseResult.InvocationConfiguration;
            return await CommandFailures.RunAsync(
                configuration.Error,
                () => new PlanRunner(adapters, time).RunAsync(
                    parseResult.GetValue(workflow)!,
                    parseResult.GetValue(tables)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                    parseResult.GetValue(parallelism),
                    parseResult.GetValue(secrets),
                    parseResult.GetValue(format) == "json" ? PlanFormat.Json : parseResult.GetValue(verbose) ? PlanFormat.Verbose : PlanFormat.Summary,
                    configuration.Output,
                    configuration.Error,
                    cancellationToken),
                cancellationToken);
        });
        return command;
    }
}
