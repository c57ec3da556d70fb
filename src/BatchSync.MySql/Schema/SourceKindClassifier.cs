using BatchSync.MySql.Protocol;
using BatchSync.MySql.Results;

namespace BatchSync.MySql.Schema;

/// <summary>Finds a column's <see cref="SourceKind"/> from the result metadata and, where known, information_schema.</summary>
internal static class SourceKindClassifier
{
    public static SourceKind Classify(MySqlColumn result, SourceColumn? source) => result.Type switch
    {
        ColumnType.Tiny when source?.IsTinyIntOne ?? result.ColumnLength == 1 => SourceKind.BooleanLikeInteger,
        ColumnType.Tiny or ColumnType.Short or ColumnType.Int24 or ColumnType.Long => SourceKind.Integer,
        ColumnType.LongLong => result.IsUnsigned ? SourceKind.UnsignedBigInt : SourceKind.Integer,
        ColumnType.Decimal or ColumnType.NewDecimal => SourceKind.Decimal,
        ColumnType.Float or ColumnType.Double => SourceKind.Float,
        ColumnType.Year => SourceKind.Year,
        ColumnType.Bit => BitWidth(result, source) == 1 ? SourceKind.SingleBit : SourceKind.Bits,
        ColumnType.Date or ColumnType.NewDate => SourceKind.Date,
        ColumnType.DateTime or ColumnType.DateTime2 => SourceKind.DateTime,
        ColumnType.Timestamp or ColumnType.Timestamp2 => SourceKind.Timestamp,
        ColumnType.Time or ColumnType.Time2 => SourceKind.Time,
        ColumnType.Json => SourceKind.Json,
        ColumnType.Geometry => SourceKind.Geometry,
        _ when IsJson(result, source) => SourceKind.Json,
        ColumnType.Enum or ColumnType.Set or ColumnType.Null => SourceKind.Text,
        _ => result.IsBinary ? SourceKind.Binary : SourceKind.Text,
    };

    /// <summary>BIT(n) width: information_schema's precision, else the result's display length (which is n for BIT).</summary>
    public static long BitWidth(MySqlColumn result, SourceColumn? source) => source?.NumericPrecision ?? result.ColumnLength;

    /// <summary>DECIMAL precision and scale; for expressions, derived from the display length (digits + point + sign).</summary>
    public static (long Precision, long Scale) DecimalShape(MySqlColumn result, SourceColumn? source)
    {
        if (source is { NumericPrecision: { } precision, NumericScale: { } scale })
        {
            return (precision, scale);
        }

        long derivedScale = result.Decimals;
        var derivedPrecision = (long)result.ColumnLength - (derivedScale > 0 ? 1 : 0) - (result.IsUnsigned ? 0 : 1);
        return (Math.Max(derivedPrecision, 1), derivedScale);
    }

    private static bool IsJson(MySqlColumn result, SourceColumn? source)
        => source?.IsJson == true || string.Equals(result.ExtendedTypeFormat, "json", StringComparison.OrdinalIgnoreCase);
}
