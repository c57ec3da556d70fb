namespace BatchSync.Commands.Validate;

/// <summary>Finds the workflow files <c>--all</c> means: every <c>workflows/*.yml</c> and <c>*.yaml</c> under a folder.</summary>
internal static class WorkflowFileFinder
{
    public const string WorkflowsFolder = "workflows";

    public static IReadOnlyList<string> FindAll(string directory)
    {
        var folder = Path.Combine(directory, WorkflowsFolder);
        if (!System.IO.Directory.Exists(folder))
        {
            return [];
        }

        // Only the top level: sub-folders hold included table lists, which are not workflows themselves.
        return [.. System.IO.Directory.EnumerateFiles(folder)
            .Where(f => Path.GetExtension(f) is ".yml" or ".yaml")
            .Select(f => directory == "." ? Path.Combine(WorkflowsFolder, Path.GetFileName(f)) : f)
            .Order(StringComparer.Ordinal)];
    }
}
