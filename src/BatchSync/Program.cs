using System.CommandLine;
using BatchSync.Commands;
using BatchSync.Composition;

var root = new RootCommand("BatchSync copies MySQL tables into Google BigQuery, staged as gzip CSV, on AWS Batch or locally.");
// Each command lives in Commands/ and adds itself here.
foreach (var command in CommandCatalog.All())
{
    root.Subcommands.Add(command);
}

var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    // Bad usage (unknown option, a value that does not parse) is one line and exit 2, distinct from a failed run (1).
    Console.Error.WriteLine(UsageErrors.OneLine(parsed));
    return ExitCodes.Usage;
}

using var signals = TerminationSignals.Register(TimeSpan.FromSeconds(25));
// Signals are ours to handle (see TerminationSignals), not System.CommandLine's 2-second cut-off.
var exitCode = await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }, signals.Token);
return signals.ExitCode ?? exitCode;
