namespace BatchSync.Core.Planning;

/// <summary>A unit of work with an estimated cost (bytes to read), as the lane planner sees it.</summary>
public sealed record SizedWork<T>(T Work, long EstimatedBytes);
