namespace BatchSync.MySql.Schema;

/// <summary>A table column as information_schema.COLUMNS describes it (details the result metadata lacks).</summary>
/// <param name="Name">Column name.</param>
/// <param name="DataType">DATA_TYPE in lower case, for example <c>tinyint</c>, <c>decimal</c>, <c>json</c>.</param>
/// <param name="ColumnType">COLUMN_TYPE, for example <c>tinyint(1)</c>, <c>bigint(20) unsigned</c>, <c>bit(64)</c>.</param>
/// <param name="NumericPrecision">NUMERIC_PRECISION (digits for DECIMAL, bits for BIT).</param>
/// <param name="NumericScale">NUMERIC_SCALE.</param>
/// <param name="DateTimePrecision">DATETIME_PRECISION (fractional-second digits).</param>
/// <param name="IsJson">A JSON column: MySQL's JSON type, or MariaDB's LONGTEXT with a <c>json_valid</c> check.</param>
public sealed record SourceColumn(
    string Name,
    string DataType,
    string ColumnType,
    long? NumericPrecision,
    long? NumericScale,
    long? DateTimePrecision,
    bool IsJson)
{
    public bool IsUnsigned => ColumnType.Contains("unsigned", StringComparison.OrdinalIgnoreCase);

    /// <summary>TINYINT(1), the conventional boolean; older servers and MariaDB keep the display width in COLUMN_TYPE.</summary>
    public bool IsTinyIntOne => DataType == "tinyint" && ColumnType.StartsWith("tinyint(1)", StringComparison.OrdinalIgnoreCase);
}
