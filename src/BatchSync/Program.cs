using System.CommandLine;
using BatchSync.Commands;

var root = new RootCommand("BatchSync copies MySQL tables into Google BigQuery, staged as gzip CSV, on AWS Batch or locally.");
// Each command lives in Commands/ and adds itself here.
foreach (var command in CommandCatalog.All())
{
    root.Subcommands.Add(command);
}

return await root.Parse(args).InvokeAsync();
