using BatchSync.Core.Schema;
using BatchSync.MySql.Csv;
using BatchSync.MySql.Protocol;
using BatchSync.MySql.Results;

namespace BatchSync.MySql.Schema;

/// <summary>
/// The <see cref="TypeProfile.Embulk"/> defaults: the BigQuery type and value embulk-input-mysql (MySQL Connector/J
/// 5.1 with <c>useLegacyDatetimeCode=false</c>, <c>zeroDateTimeBehavior=convertToNull</c>) followed by
/// embulk-output-bigquery (types guessed from the embulk schema) would have loaded for a column:
/// <list type="bullet">
/// <item>integers → long → INTEGER; DECIMAL → double → FLOAT; FLOAT → float widened to double → FLOAT; DOUBLE → FLOAT;</item>
/// <item>TINYINT(1) and BIT(1) → JDBC BIT → boolean → BOOLEAN;</item>
/// <item>DATETIME, TIMESTAMP, DATE, TIME and YEAR → timestamp → TIMESTAMP, each read as an instant by the driver;</item>
/// <item>character types → STRING; MySQL's JSON type → json → STRING holding compact JSON.</item>
/// </list>
/// Binary, geometry and BIT(n > 1) columns have no embulk default (embulk-input-mysql rejects them without
/// column_options), so they need an explicit type here too.
/// </summary>
internal static class EmbulkTypes
{
    public static (BigQueryType Type, ValueEncoding Encoding)? Map(SourceKind kind, MySqlColumn result) => kind switch
    {
        SourceKind.Integer or SourceKind.UnsignedBigInt => (BigQueryType.Int64, ValueEncoding.Number),
        SourceKind.BooleanLikeInteger => (BigQueryType.Bool, ValueEncoding.JdbcBoolean),
        SourceKind.SingleBit => (BigQueryType.Bool, ValueEncoding.BitBoolean),
        SourceKind.Decimal => (BigQueryType.Float64, ValueEncoding.Number),
        SourceKind.Float => (BigQueryType.Float64, result.Type == ColumnType.Float ? ValueEncoding.SingleFloat : ValueEncoding.Number),
        SourceKind.DateTime => (BigQueryType.Timestamp, ValueEncoding.DateTimeFromZone),
        SourceKind.Timestamp => (BigQueryType.Timestamp, ValueEncoding.Timestamp),
        SourceKind.Date => (BigQueryType.Timestamp, ValueEncoding.DateFromZone),
        SourceKind.Time => (BigQueryType.Timestamp, ValueEncoding.TimeFromZone),
        SourceKind.Year => (BigQueryType.Timestamp, ValueEncoding.YearFromZone),
        // MariaDB's JSON is a LONGTEXT the driver reads as a plain string; only MySQL's own JSON type is re-serialized.
        SourceKind.Json => (BigQueryType.String, result.Type == ColumnType.Json ? ValueEncoding.CompactJson : ValueEncoding.Text),
        SourceKind.Text => (BigQueryType.String, ValueEncoding.Text),
        _ => null,
    };
}
