using BatchSync.Core.Schema;

namespace BatchSync.MySql.Schema;

/// <summary>What to export from one table.</summary>
public sealed record TableQuery
{
    public required string Database { get; init; }

    public required string Table { get; init; }

    /// <summary>The select list (column names or expressions); null, empty or <c>*</c> for every column.</summary>
    public string? Select { get; init; }

    /// <summary>A filter; null or empty for none.</summary>
    public string? Where { get; init; }

    /// <summary>Per-column BigQuery type overrides, by output column name (case-insensitive).</summary>
    public IReadOnlyDictionary<string, BigQueryType> ColumnTypes { get; init; } = new Dictionary<string, BigQueryType>();

    /// <summary>Destination names for columns the select returns (source name → BigQuery name, case-insensitive keys).</summary>
    public IReadOnlyDictionary<string, string> ColumnNames { get; init; } = new Dictionary<string, string>();

    public DateTimeMapping DateTimes { get; init; } = DateTimeMapping.DateTime;

    /// <summary>The type mapping for columns without an override.</summary>
    public TypeProfile Types { get; init; } = TypeProfile.BatchSync;

    /// <summary>The table as messages name it.</summary>
    public string DisplayName => $"{Database}.{Table}";

    public string QuotedName => $"{SqlIdentifier.Quote(Database)}.{SqlIdentifier.Quote(Table)}";

    public bool SelectsAllColumns => string.IsNullOrWhiteSpace(Select) || Select.Trim() == "*";

    public bool HasFilter => !string.IsNullOrWhiteSpace(Where);
}
