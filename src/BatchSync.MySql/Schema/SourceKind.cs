namespace BatchSync.MySql.Schema;

/// <summary>The families of MySQL types that map differently to BigQuery.</summary>
internal enum SourceKind
{
    Integer,
    UnsignedBigInt,
    BooleanLikeInteger,
    Decimal,
    Float,
    Year,
    SingleBit,
    Bits,
    Date,
    DateTime,
    Timestamp,
    Time,
    Text,
    Json,
    Binary,
    Geometry,
}
