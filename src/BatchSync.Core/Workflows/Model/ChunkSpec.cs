namespace BatchSync.Core.Workflows.Model;

/// <summary>Split the table by primary-key ranges into items of about <see cref="Rows"/> rows.</summary>
public sealed record ChunkSpec(long Rows);
