using System.Globalization;
using System.Text;
using BatchSync.Core.Schema;
using MySqlConnector;

namespace BatchSync.MySql.Tests.Oracle;

/// <summary>
/// One canonical text per value, reached from two sides: from MySqlConnector's typed value, and from our CSV field
/// read the way BigQuery reads it for the column's type. Formatting choices (trailing zeros, fraction digits, base64)
/// vanish; values do not.
/// </summary>
internal static class OracleValue
{
    public static string? Canonical(MySqlDataReader reader, int ordinal, BigQueryType type)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        // DECIMAL beyond System.Decimal's 28 digits: MySqlConnector's exact MySqlDecimal, never GetValue (it overflows).
        if (reader.GetDataTypeName(ordinal).Contains("DECIMAL", StringComparison.OrdinalIgnoreCase))
        {
            return Decimal(reader.GetMySqlDecimal(ordinal).ToString());
        }

        var value = reader.GetValue(ordinal);
        return type switch
        {
            BigQueryType.Int64 or BigQueryType.Numeric => Convert.ToString(value, CultureInfo.InvariantCulture),
            BigQueryType.Float64 => value is float single ? Double(single) : Double((double)value),
            BigQueryType.Bool => Convert.ToUInt64(value, CultureInfo.InvariantCulture) != 0 ? "true" : "false",
            BigQueryType.Bytes => Convert.ToBase64String((byte[])value),
            BigQueryType.Date => ValidDate(value) is { } date ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            BigQueryType.DateTime => ValidDate(value) is { } dateTime ? dateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture) : null,
            BigQueryType.Timestamp => ValidDate(value) is { } instant ? instant.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture) + "Z" : null,
            BigQueryType.Time => ((TimeSpan)value).ToString(@"hh\:mm\:ss\.ffffff", CultureInfo.InvariantCulture),
            BigQueryType.String when value is TimeSpan time => Time(time),
            BigQueryType.String when value is byte[] geometry => WellKnownText.FromMySqlGeometry(geometry),
            BigQueryType.String or BigQueryType.Json => Convert.ToString(value, CultureInfo.InvariantCulture),
            _ => throw new InvalidOperationException($"No oracle rule for {type} ({value.GetType().Name})."),
        };
    }

    public static string? CanonicalCsv(string? field, BigQueryType type)
    {
        if (field is null)
        {
            return null;
        }

        return type switch
        {
            BigQueryType.Numeric or BigQueryType.BigNumeric => Decimal(field),
            BigQueryType.String when IsDecimalText(field) => Decimal(field),
            BigQueryType.Int64 => long.Parse(field, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
            BigQueryType.Float64 => Double(double.Parse(field, NumberStyles.Float, CultureInfo.InvariantCulture)),
            BigQueryType.Date => DateOnly.ParseExact(field, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            BigQueryType.DateTime => DateTime.Parse(field, CultureInfo.InvariantCulture).ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
            BigQueryType.Timestamp => DateTimeOffset.Parse(field, CultureInfo.InvariantCulture).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture) + "Z",
            BigQueryType.Time => TimeSpan.Parse(field, CultureInfo.InvariantCulture).ToString(@"hh\:mm\:ss\.ffffff", CultureInfo.InvariantCulture),
            _ => field,
        };
    }

    /// <summary>Trailing fractional zeros do not change a decimal's value.</summary>
    private static string Decimal(string text)
        => text.Contains('.', StringComparison.Ordinal) ? text.TrimEnd('0').TrimEnd('.') : text;

    private static bool IsDecimalText(string text)
        => text.Length > 0 && text.All(c => char.IsAsciiDigit(c) || c is '-' or '.') && text.Any(char.IsAsciiDigit);

    private static string Double(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static DateTime? ValidDate(object value) => value switch
    {
        MySqlDateTime { IsValidDateTime: true } mySql => mySql.GetDateTime(),
        MySqlDateTime => null,
        DateTime dateTime => dateTime,
        _ => throw new InvalidOperationException($"Not a date: {value.GetType().Name}."),
    };

    /// <summary>MySQL's own TIME text: sign, hours beyond 24 allowed, the column's three fraction digits.</summary>
    private static string Time(TimeSpan time)
    {
        var text = new StringBuilder(time < TimeSpan.Zero ? "-" : "");
        var magnitude = time.Duration();
        text.Append(((int)magnitude.TotalHours).ToString("00", CultureInfo.InvariantCulture));
        text.Append(magnitude.ToString(@"\:mm\:ss\.fff", CultureInfo.InvariantCulture));
        return text.ToString();
    }
}
