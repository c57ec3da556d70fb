using System.CommandLine;

namespace BatchSync.Composition;

/// <summary>A command line that does not parse, as one line a person can act on.</summary>
internal static class UsageErrors
{
    public static string OneLine(ParseResult parsed)
    {
        var first = parsed.Errors[0].Message.ReplaceLineEndings(" ").Trim();
        var more = parsed.Errors.Count > 1 ? $" (and {parsed.Errors.Count - 1} more)" : "";
        var command = parsed.CommandResult.Command;
        var path = command is RootCommand ? "batchsync" : $"batchsync {command.Name}";
        return $"error: {first}{more}; see '{path} --help'.";
    }
}
