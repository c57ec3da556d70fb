using System.CommandLine;
using BatchSync.Commands.Import;

namespace BatchSync.Commands;

/// <summary><c>batchsync import embulk|digdag</c>: turn an existing embulk (+ digdag) job into a workflow file.</summary>
internal static class ImportCommand
{
    private const string Description = """
        Turn an existing embulk (embulk-input-mysql → embulk-output-bigquery) job into a workflow file.

        Examples:
          batchsync import embulk config.yml.liquid --tables tables.json --out workflows/shop.yml
          batchsync import embulk mysql_to_bq.yml --source-timezone Asia/Tokyo
          batchsync import digdag shop.dig --out workflows/shop.yml

        What carries over: the connection (host, port, user, database; passwords only as env:/secret: references,
        never the value), the table list with select and where, the mode, dataset and out_table templates
        (${session_date_compact}, %Y%m%d → {run_date}; the table variable → {table}), column types, partitioning,
        clustering, digdag's schedule (as an EventBridge cron in UTC, the original noted), timezone, _parallel
        (lanes) and _retry. The workflow gets types: embulk so the tables embulk created keep loading unchanged.

        What did not map is listed on stderr and at the top of the file, each with its file:line and what to do.
        The workflow is written to stdout (or --out) and validated like batchsync validate.
        Exit code: 0 when the imported workflow is valid, 2 otherwise. Guide: docs/migrating-from-embulk.md.
        """;

    public static Command Create() => Create(TimeProvider.System);

    public static Command Create(TimeProvider time)
    {
        var command = new Command("import", Description);
        command.Subcommands.Add(Subcommand("embulk", "CONFIG", "An embulk config (.yml or .yml.liquid).", withTables: true, time));
        command.Subcommands.Add(Subcommand("digdag", "FILE", "A digdag workflow (.dig) whose embulk> tasks load MySQL tables into BigQuery.", withTables: false, time));
        return command;
    }

    private static Command Subcommand(string kind, string argumentName, string what, bool withTables, TimeProvider time)
    {
        var file = new Argument<string>(argumentName) { Description = what };
        var tables = new Option<string?>("--tables") { Description = "A JSON list of the tables the config ran for: names, or objects with table, where, select, out_table, dataset." };
        var name = new Option<string?>("--name") { Description = "The workflow's name (default: the file name)." };
        var zone = new Option<string?>("--source-timezone") { Description = "The MySQL server's time zone, in which embulk read DATETIME values (default: digdag's timezone)." };
        var output = new Option<string?>("--out") { Description = "Write the workflow to this file instead of stdout." };
        var command = new Command(kind, $"{what} Prints a workflow file and what did not map.") { file, name, zone, output };
        if (withTables)
        {
            command.Options.Add(tables);
        }

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var options = new ImportOptions(kind, parseResult.GetValue(file)!, withTables ? parseResult.GetValue(tables) : null,
                parseResult.GetValue(name), parseResult.GetValue(zone), parseResult.GetValue(output));
            var configuration = parseResult.InvocationConfiguration;
            return await new ImportRunner(time).RunAsync(options, configuration.Output, configuration.Error, cancellationToken);
        });
        return command;
    }
}
