namespace BatchSync.MySql.Extract;

/// <summary>Where an export spent its time.</summary>
public sealed record ExportTimings(TimeSpan Connect, TimeSpan Discover, TimeSpan Extract, TimeSpan Total);
