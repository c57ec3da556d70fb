using BatchSync.Core.Workflows.Model;

namespace BatchSync.Composition;

/// <summary>Chooses the staging root of a command: <c>--staging DIR</c>, else the workflow's staging.uri.</summary>
internal static class StagingRoots
{
    public static string Choose(string? option, WorkflowDefinition? workflow)
    {
        if (!string.IsNullOrWhiteSpace(option))
        {
            return option;
        }

        var location = workflow?.Staging.Location ?? StagingLocation.Local(StagingSettings.DefaultLocalFolder);
        return location.IsS3 ? location.ToString() : location.Folder!;
    }
}
