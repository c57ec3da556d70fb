namespace BatchSync.Core.Workflows.Checking;

/// <summary>A column a table entry names, and the setting that names it ("key", "partition.column" …).</summary>
public sealed record ColumnUse(string Column, string Setting, bool IsDestinationName);
