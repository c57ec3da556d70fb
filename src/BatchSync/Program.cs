using System.CommandLine;
using BatchSync.Commands;

var root = new RootCommand("BatchSync copies MySQL tables into Google BigQuery, staged as gzip CSV, on AWS Batch or locally.");
// Each command lives in Commands/ and adds itself here.
foreach (var command in CommandCatalog.All())
{
    root.Subcommands.Add(command);
}

var parsed = root.Parse(args);
var exitCode = await parsed.InvokeAsync();
// Bad usage (unknown option, missing argument) exits with 2, distinct from a failed run (1).
return parsed.Errors.Count > 0 ? 2 : exitCode;
