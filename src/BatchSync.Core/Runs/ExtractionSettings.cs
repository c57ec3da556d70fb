namespace BatchSync.Core.Runs;

/// <summary>How a lane converts this table's values and retries its items.</summary>
/// <remarks>
/// ZeroDates: "null" (zero dates become NULL) or "fail".<br/>
/// Datetime: "datetime" (no shift) or "timestamp" (converted from <paramref name="SourceTimezone"/>).<br/>
/// Retries: Further attempts after a transient failure.<br/>
/// ColumnTypes: The workflow's BigQuery type overrides (column → type), so lanes map columns exactly as planned.<br/>
/// ColumnNames: The workflow's renames (source column → BigQuery column name).<br/>
/// </remarks>
public sealed record ExtractionSettings(string ZeroDates, string Datetime, string? SourceTimezone, int Retries, int PartSizeMb, IReadOnlyDictionary<string, string>? ColumnTypes = null, IReadOnlyDictionary<string, string>? ColumnNames = null);
