using BatchSync.Core.Workflows.Loading;
using BatchSync.Core.Workflows.Model;

namespace BatchSync.Composition;

/// <summary>Finds and loads the workflow a command names: a path, or a name under ./workflows/ (<c>demo</c> → workflows/demo.yml).</summary>
internal static class WorkflowOpener
{
    public static string Locate(string nameOrPath)
        => WorkflowLocator.Find(nameOrPath, ".", out var tried)
            ?? throw new UsageException(
                $"workflow '{nameOrPath}' not found (looked for {string.Join(" and ", tried)} in {Environment.CurrentDirectory}). Name a workflow file, or a name under workflows/.");

    /// <summary>Loads and validates the workflow; warnings go to <paramref name="error"/>, errors end the command.</summary>
    public static async Task<WorkflowDefinition> OpenAsync(string nameOrPath, TextWriter error, CancellationToken cancellationToken)
    {
        var load = await WorkflowLoader.LoadAsync(Locate(nameOrPath), cancellationToken);
        foreach (var diagnostic in load.Diagnostics)
        {
            await error.WriteLineAsync(diagnostic.ToString());
        }

        if (!load.IsValid)
        {
            throw new UsageException($"{load.FilePath} is not a valid workflow ({load.ErrorCount} errors above); fix it, or check it with: batchsync validate {load.FilePath}");
        }

        return load.Workflow!;
    }
}
