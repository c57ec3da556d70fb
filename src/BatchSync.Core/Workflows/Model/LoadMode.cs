namespace BatchSync.Core.Workflows.Model;

/// <summary>How a table's rows land in the destination (docs/workflow-reference.md, "mode").</summary>
public enum LoadMode
{
    Replace,
    Append,
    Merge,
    DeleteInAdvance,
}
