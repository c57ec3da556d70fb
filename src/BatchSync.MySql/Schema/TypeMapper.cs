using BatchSync.Core.Schema;
using BatchSync.MySql.Csv;
using BatchSync.MySql.Results;

namespace BatchSync.MySql.Schema;

/// <summary>
/// Maps a MySQL column to a BigQuery type and a CSV value encoding, following docs/type-mapping.md: the defaults
/// never lose values (BIGINT UNSIGNED → NUMERIC, TINYINT(1) → INT64, wide DECIMAL → BIGNUMERIC or STRING), and
/// an override is honoured only where the values can be written faithfully as the requested type.
/// </summary>
public static class TypeMapper
{
    public static (BigQueryType Type, ValueEncoding Encoding) Map(string table, MySqlColumn result, SourceColumn? source, BigQueryType? requested, DateTimeMapping dateTimes)
    {
        ArgumentNullException.ThrowIfNull(result);
        var kind = SourceKindClassifier.Classify(result, source);
        if (requested is { } asked && LossyOverride(kind, asked, result, source) is { } loss)
        {
            throw new SchemaMappingException(table, result.Name,
                $"a {Describe(kind, source)} column cannot be loaded as BigQuery {asked.ToApiName()} without changing values: {loss}. Remove the type override (the default keeps every value) or choose a wider type.");
        }

        var mapped = requested is { } type
            ? Override(kind, type)
            : Default(kind, result, source, dateTimes);
        return mapped ?? throw new SchemaMappingException(table, result.Name,
            $"a {Describe(kind, source)} column cannot be loaded as BigQuery {requested?.ToApiName()}. Choose another type for it in the column overrides, or convert it in the select.");
    }

    private static (BigQueryType, ValueEncoding)? Default(SourceKind kind, MySqlColumn result, SourceColumn? source, DateTimeMapping dateTimes) => kind switch
    {
        SourceKind.Integer or SourceKind.BooleanLikeInteger or SourceKind.Year => (BigQueryType.Int64, ValueEncoding.Number),
        SourceKind.UnsignedBigInt => (BigQueryType.Numeric, ValueEncoding.Number),
        SourceKind.Decimal => (DecimalType(result, source), ValueEncoding.Number),
        SourceKind.Float => (BigQueryType.Float64, ValueEncoding.Number),
        SourceKind.SingleBit => (BigQueryType.Bool, ValueEncoding.BitBoolean),
        SourceKind.Bits => (SourceKindClassifier.BitWidth(result, source) < 64 ? BigQueryType.Int64 : BigQueryType.Numeric, ValueEncoding.BitInteger),
        SourceKind.Date => (BigQueryType.Date, ValueEncoding.Date),
        SourceKind.DateTime => dateTimes == DateTimeMapping.Timestamp
            ? (BigQueryType.Timestamp, ValueEncoding.DateTimeFromZone)
            : (BigQueryType.DateTime, ValueEncoding.DateTime),
        SourceKind.Timestamp => (BigQueryType.Timestamp, ValueEncoding.Timestamp),
        SourceKind.Time => (BigQueryType.Time, ValueEncoding.TimeOfDay),
        SourceKind.Json => (BigQueryType.Json, ValueEncoding.Json),
        SourceKind.Binary => (BigQueryType.Bytes, ValueEncoding.Base64),
        SourceKind.Text or SourceKind.Geometry => (BigQueryType.String, ValueEncoding.Text),
        _ => null,
    };

    /// <summary>NUMERIC holds 29 integer and 9 fractional digits, BIGNUMERIC 38 and 38; wider values stay exact as STRING.</summary>
    private static BigQueryType DecimalType(MySqlColumn result, SourceColumn? source)
    {
        var (precision, scale) = SourceKindClassifier.DecimalShape(result, source);
        var integerDigits = precision - scale;
        if (integerDigits <= 29 && scale <= 9)
        {
            return BigQueryType.Numeric;
        }

        return integerDigits <= 38 && scale <= 38 ? BigQueryType.BigNumeric : BigQueryType.String;
    }

    /// <summary>Why a numeric override would round, truncate or reject some values the column can hold; null when it cannot.</summary>
    private static string? LossyOverride(SourceKind kind, BigQueryType requested, MySqlColumn result, SourceColumn? source)
    {
        switch (kind, requested)
        {
            case (SourceKind.Decimal, BigQueryType.Numeric or BigQueryType.BigNumeric or BigQueryType.Float64):
                var (precision, scale) = SourceKindClassifier.DecimalShape(result, source);
                var (maxInteger, maxScale) = requested == BigQueryType.Numeric ? (29L, 9L) : (38L, 38L);
                if (requested == BigQueryType.Float64)
                {
                    return precision > 15 ? $"FLOAT64 keeps about 15 significant digits, DECIMAL({precision},{scale}) has {precision}" : null;
                }

                return precision - scale > maxInteger || scale > maxScale
                    ? $"{requested.ToApiName()} holds {maxInteger} integer and {maxScale} fractional digits, DECIMAL({precision},{scale}) has {precision - scale} and {scale}"
                    : null;
            case (SourceKind.Float, BigQueryType.Numeric or BigQueryType.BigNumeric):
                return $"floating-point values such as 1e-20 or 1e300 do not fit {requested.ToApiName()}'s fixed decimal places";
            case (SourceKind.UnsignedBigInt, BigQueryType.Int64):
                return "BIGINT UNSIGNED goes up to 18446744073709551615, INT64 only to 9223372036854775807";
            case (SourceKind.UnsignedBigInt, BigQueryType.Float64):
            case (SourceKind.Integer, BigQueryType.Float64) when result.Type == Protocol.ColumnType.LongLong:
                return "FLOAT64 holds integers exactly only up to 2^53 (9007199254740992)";
            case (SourceKind.Bits, BigQueryType.Int64) when SourceKindClassifier.BitWidth(result, source) >= 64:
                return "BIT(64) values go up to 18446744073709551615, INT64 only to 9223372036854775807";
            case (SourceKind.Bits, BigQueryType.Float64) when SourceKindClassifier.BitWidth(result, source) > 53:
                return "FLOAT64 holds integers exactly only up to 2^53 (9007199254740992)";
            default:
                return null;
        }
    }

    private static (BigQueryType, ValueEncoding)? Override(SourceKind kind, BigQueryType requested)
    {
        ValueEncoding? encoding = requested switch
        {
            BigQueryType.String => kind switch
            {
                SourceKind.Integer or SourceKind.UnsignedBigInt or SourceKind.BooleanLikeInteger or SourceKind.Decimal
                    or SourceKind.Float or SourceKind.Year => ValueEncoding.Number,
                SourceKind.SingleBit => ValueEncoding.BitBoolean,
                SourceKind.Bits => ValueEncoding.BitInteger,
                _ => ValueEncoding.Text,
            },
            BigQueryType.Bool => kind switch
            {
                SourceKind.Integer or SourceKind.BooleanLikeInteger => ValueEncoding.IntegerBoolean,
                SourceKind.SingleBit => ValueEncoding.BitBoolean,
                _ => null,
            },
            BigQueryType.Int64 or BigQueryType.Numeric or BigQueryType.BigNumeric or BigQueryType.Float64 => kind switch
            {
                SourceKind.Integer or SourceKind.UnsignedBigInt or SourceKind.BooleanLikeInteger or SourceKind.Year => ValueEncoding.Number,
                SourceKind.Decimal or SourceKind.Float when requested != BigQueryType.Int64 => ValueEncoding.Number,
                SourceKind.SingleBit or SourceKind.Bits => ValueEncoding.BitInteger,
                _ => null,
            },
            BigQueryType.Bytes => kind == SourceKind.Geometry ? null : ValueEncoding.Base64,
            BigQueryType.Json => kind is SourceKind.Text or SourceKind.Json ? ValueEncoding.Json : null,
            BigQueryType.Date => kind == SourceKind.Date ? ValueEncoding.Date : null,
            BigQueryType.DateTime => kind is SourceKind.DateTime or SourceKind.Timestamp ? ValueEncoding.DateTime : null,
            BigQueryType.Timestamp => kind switch
            {
                SourceKind.DateTime => ValueEncoding.DateTimeFromZone,
                SourceKind.Timestamp => ValueEncoding.Timestamp,
                _ => null,
            },
            BigQueryType.Time => kind == SourceKind.Time ? ValueEncoding.TimeOfDay : null,
            BigQueryType.Geography => kind == SourceKind.Geometry ? ValueEncoding.Text : null,
            _ => null,
        };
        return encoding is { } value ? (requested, value) : null;
    }

    private static string Describe(SourceKind kind, SourceColumn? source)
        => source is not null ? source.ColumnType.ToUpperInvariant() : kind.ToString().ToUpperInvariant();
}
