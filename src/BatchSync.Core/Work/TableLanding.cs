namespace BatchSync.Core.Work;

/// <summary>A committed table: where it landed and how many rows the destination counted.</summary>
public sealed record TableLanding(string Destination, long Rows);
