using BatchSync.Core.Schema;

namespace BatchSync.DuckDb;

/// <summary>
/// The DuckDB column type for each BigQuery type BatchSync writes (docs/type-mapping.md, "DuckDB"), and how a staged
/// CSV value (read as text) becomes it. BIGNUMERIC stays text: DuckDB's DECIMAL holds 38 digits, BIGNUMERIC up to 77,
/// and a DOUBLE would round; the text keeps every digit and casts where a query needs a number.
/// </summary>
internal static class DuckDbTypes
{
    public static string Of(BigQueryType type) => type switch
    {
        BigQueryType.String => "VARCHAR",
        BigQueryType.Bytes => "BLOB",
        BigQueryType.Int64 => "BIGINT",
        BigQueryType.Float64 => "DOUBLE",
        BigQueryType.Numeric => "DECIMAL(38,9)",
        BigQueryType.BigNumeric => "VARCHAR",
        BigQueryType.Bool => "BOOLEAN",
        BigQueryType.Timestamp => "TIMESTAMP WITH TIME ZONE",
        BigQueryType.Date => "DATE",
        BigQueryType.Time => "TIME",
        BigQueryType.DateTime => "TIMESTAMP",
        BigQueryType.Json => "JSON",
        BigQueryType.Geography => "VARCHAR",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "No DuckDB type for this BigQuery type."),
    };

    /// <summary>The SQL that turns the CSV text <paramref name="column"/> into the column's DuckDB value (NULL stays NULL).</summary>
    public static string FromCsvText(BigQueryType type, string column) => type switch
    {
        BigQueryType.String or BigQueryType.BigNumeric or BigQueryType.Geography => column,
        BigQueryType.Bytes => $"from_base64({column})",
        _ => $"CAST({column} AS {Of(type)})",
    };
}
