using System.CommandLine;

namespace BatchSync.Commands;

/// <summary>The top-level commands of the <c>batchsync</c> executable, in the order --help lists them.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        // One line per command; keep the list in the order a user meets them.
        yield return ValidateCommand.Create();
        yield return PlanCommand.Create();
        yield return RunCommand.Create();
        yield return WorkCommand.Create();
        yield return StatusCommand.Create();
        yield return ExportCommand.Create();
        yield return ImportCommand.Create();
    }
}
