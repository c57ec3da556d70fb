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
}
