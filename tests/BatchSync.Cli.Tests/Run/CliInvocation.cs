using System.CommandLine;
using BatchSync.Commands;

namespace BatchSync.Cli.Tests.Run;

/// <summary>Runs the batchsync command line in this process, capturing stdout and stderr.</summary>
internal static class CliInvocation
{
    public static Task<CliResult> RunAsync(string[] args, TextWriter? output = null, CancellationToken cancellationToken = default)
        => RunAsync(CommandCatalog.All(), args, output, cancellationToken);

    public static async Task<CliResult> RunAsync(IEnumerable<Command> commands, string[] args, TextWriter? output = null, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("batchsync");
        foreach (var command in commands)
        {
            root.Subcommands.Add(command);
        }

        var stdout = output ?? new StringWriter();
        var stderr = new StringWriter();
        var exitCode = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }, cancellationToken);
        return new CliResult(exitCode, stdout.ToString() ?? "", stderr.ToString());
    }
}

internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
