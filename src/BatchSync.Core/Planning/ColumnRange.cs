namespace BatchSync.Core.Planning;

/// <summary>The lowest and highest value of a column, as the source prints them.</summary>
public sealed record ColumnRange(string Min, string Max);
