using BatchSync.Core.Schema;
using BatchSync.Core.Workflows.Model;

namespace BatchSync.Core.Runs;

/// <summary>How a lane converts this table's values and retries its items.</summary>
/// <remarks>
/// Datetime: <see cref="DateTimeHandling.Timestamp"/> converts from <paramref name="SourceTimezone"/>.<br/>
/// Retries: Further attempts after a transient failure.<br/>
/// ColumnTypes: The workflow's BigQuery type overrides (column → type), so lanes map columns exactly as planned.<br/>
/// ColumnNames: The workflow's renames (source column → BigQuery column name).<br/>
/// Types: the type profile for columns without an override (<see cref="TypeProfile.Embulk"/> reads DATETIME, DATE and
/// TIME in <paramref name="SourceTimezone"/>).<br/>
/// </remarks>
public sealed record ExtractionSettings(
    ZeroDatePolicy ZeroDates,
    DateTimeHandling Datetime,
    string? SourceTimezone,
    int Retries,
    int PartSizeMb,
    IReadOnlyDictionary<string, BigQueryType>? ColumnTypes = null,
    TypeProfile Types = TypeProfile.BatchSync,
    IReadOnlyDictionary<string, string>? ColumnNames = null);
