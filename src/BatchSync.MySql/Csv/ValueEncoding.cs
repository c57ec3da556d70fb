namespace BatchSync.MySql.Csv;

/// <summary>How the text-protocol bytes of one column become a BigQuery CSV field.</summary>
public enum ValueEncoding
{
    /// <summary>Digits as the server sends them (integers, DECIMAL, FLOAT/DOUBLE, YEAR): never need quoting.</summary>
    Number,

    /// <summary>UTF-8 text, validated, quoted when needed (strings, ENUM/SET, WKT, TIME mapped to STRING).</summary>
    Text,

    /// <summary>JSON text: like <see cref="Text"/>, and nested no deeper than BigQuery's JSON type allows.</summary>
    Json,

    /// <summary>Binary strings as base64.</summary>
    Base64,

    /// <summary>BIT(1): one raw byte → <c>true</c>/<c>false</c>.</summary>
    BitBoolean,

    /// <summary>BIT(n): raw big-endian bytes → decimal digits.</summary>
    BitInteger,

    /// <summary>An integer column mapped to BOOL on request: <c>0</c>/<c>1</c> → <c>false</c>/<c>true</c>, anything else fails.</summary>
    IntegerBoolean,

    /// <summary>DATE; zero and partial-zero dates follow the zero-date policy.</summary>
    Date,

    /// <summary>DATETIME as BigQuery DATETIME, unshifted.</summary>
    DateTime,

    /// <summary>DATETIME converted from the source time zone to a UTC TIMESTAMP.</summary>
    DateTimeFromZone,

    /// <summary>TIMESTAMP (the session runs in UTC) with an explicit <c>+00:00</c>.</summary>
    Timestamp,

    /// <summary>TIME within a day; anything outside 00:00:00–23:59:59.999999 fails.</summary>
    TimeOfDay,

    /// <summary>embulk: DATE as the UTC TIMESTAMP of its midnight in the source time zone.</summary>
    DateFromZone,

    /// <summary>embulk: TIME as the UTC TIMESTAMP of that time on 1970-01-01 in the source time zone, whole seconds.</summary>
    TimeFromZone,

    /// <summary>embulk: YEAR as the UTC TIMESTAMP of January 1st, midnight, in the source time zone; 0000 is NULL.</summary>
    YearFromZone,

    /// <summary>embulk: an integer read as JDBC getBoolean does: <c>true</c> when positive or -1, otherwise <c>false</c>.</summary>
    JdbcBoolean,

    /// <summary>embulk: FLOAT read as a 32-bit float and widened to a double, written so BigQuery reads that double.</summary>
    SingleFloat,

    /// <summary>embulk: MySQL JSON re-serialized compactly (no white space outside strings), as STRING.</summary>
    CompactJson,
}
