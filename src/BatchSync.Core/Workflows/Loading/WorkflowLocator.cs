namespace BatchSync.Core.Workflows.Loading;

/// <summary>
/// Maps what a user or a schedule passes (<c>run shop</c>, <c>run workflows/shop.yml</c>) to a workflow file:
/// a path is taken as is; a bare name is looked up as <c>workflows/&lt;name&gt;.yml</c> (or <c>.yaml</c>).
/// </summary>
public static class WorkflowLocator
{
    public const string Folder = "workflows";

    /// <summary>The file for <paramref name="nameOrPath"/>, or null with the candidates that were tried.</summary>
    public static string? Find(string nameOrPath, string baseDirectory, out IReadOnlyList<string> tried)
    {
        ArgumentNullException.ThrowIfNull(nameOrPath);
        ArgumentNullException.ThrowIfNull(baseDirectory);
        var looksLikePath = nameOrPath.Contains('/', StringComparison.Ordinal)
            || nameOrPath.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || Path.GetExtension(nameOrPath) is ".yml" or ".yaml";
        string[] candidates = looksLikePath
            ? [nameOrPath]
            : [Path.Combine(baseDirectory, Folder, nameOrPath + ".yml"), Path.Combine(baseDirectory, Folder, nameOrPath + ".yaml")];
        tried = candidates;
        return candidates.FirstOrDefault(File.Exists);
    }
}
