namespace BatchSync.Core.Runs;

/// <summary>The incremental state of one destination table: the highest <see cref="Column"/> value already landed.</summary>
public sealed record Watermark(string Column, string Value, string RunId, DateTimeOffset UpdatedAt);
