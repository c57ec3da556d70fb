using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace BatchSync.BigQuery.Fake;

/// <summary>
/// Checks one CSV value against a column type the way a BigQuery load job does, and returns its canonical text.
/// Where BigQuery's documentation leaves a spelling open, the fake accepts only the documented forms.
/// </summary>
internal static partial class CsvValueParser
{
    /// <exception cref="FormatException">The value is not valid for the type; the message is BigQuery's reason.</exception>
    public static string Parse(string type, string text) => type switch
    {
        "STRING" => text,
        "INT64" => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)
            ? integer.ToString(CultureInfo.InvariantCulture)
            : throw new FormatException("Unable to parse"),
        "FLOAT64" => ParseFloat(text),
        "NUMERIC" => ParseDecimal(text, integerDigits: 29, scale: 9, "NUMERIC"),
        "BIGNUMERIC" => ParseDecimal(text, integerDigits: 38, scale: 38, "BIGNUMERIC"),
        "BOOL" => text.ToUpperInvariant() switch
        {
            "TRUE" or "T" or "YES" or "Y" or "1" => "true",
            "FALSE" or "F" or "NO" or "N" or "0" => "false",
            _ => throw new FormatException("Unable to parse"),
        },
        "DATE" => DateRegex().IsMatch(text) && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? text
            : throw new FormatException("Invalid date"),
        "TIME" => TimeRegex().IsMatch(text) && TimeOnly.TryParse(text, CultureInfo.InvariantCulture, out _) ? text : throw new FormatException("Invalid time"),
        "DATETIME" => ParseDateTime(text),
        "TIMESTAMP" => ParseTimestamp(text),
        "BYTES" => IsBase64(text) ? text : throw new FormatException("Invalid base64 string"),
        "JSON" => IsJson(text) ? text : throw new FormatException("Invalid JSON"),
        "GEOGRAPHY" => GeographyRegex().IsMatch(text) ? text : throw new FormatException("Invalid geography value"),
        _ => throw new FormatException($"Type {type} cannot be loaded from CSV"),
    };

    private static string ParseFloat(string text)
    {
        if (text is "NaN" or "inf" or "+inf" or "-inf" or "Infinity" or "-Infinity")
        {
            return text;
        }

        return FloatRegex().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            ? text
            : throw new FormatException("Unable to parse");
    }

    private static string ParseDecimal(string text, int integerDigits, int scale, string type)
    {
        var match = DecimalRegex().Match(text);
        if (!match.Success)
        {
            throw new FormatException($"Invalid {type} value: {text}");
        }

        var whole = match.Groups["whole"].Value.TrimStart('0');
        var fraction = match.Groups["fraction"].Value;
        var exponent = match.Groups["exp"].Success ? int.Parse(match.Groups["exp"].Value, CultureInfo.InvariantCulture) : 0;
        // Normalise the exponent away, then count digits on both sides of the point.
        var digits = whole + fraction;
        var pointAt = whole.Length + exponent;
        var intPart = pointAt <= 0 ? string.Empty : digits.PadRight(pointAt, '0')[..pointAt].TrimStart('0');
        var fracPart = pointAt >= digits.Length ? string.Empty : (pointAt < 0 ? new string('0', -pointAt) + digits : digits[pointAt..]).TrimEnd('0');
        if (intPart.Length > integerDigits || fracPart.Length > scale)
        {
            throw new FormatException($"Invalid {type} value: {text}; {type} holds up to {integerDigits} digits before and {scale} after the point");
        }

        var sign = match.Groups["sign"].Value == "-" && (intPart.Length > 0 || fracPart.Length > 0) ? "-" : string.Empty;
        return sign + (intPart.Length == 0 ? "0" : intPart) + (fracPart.Length == 0 ? string.Empty : "." + fracPart);
    }

    private static string ParseDateTime(string text)
    {
        var match = DateTimeRegex().Match(text);
        if (!match.Success || match.Groups["zone"].Success || !IsCalendarValid(match))
        {
            throw new FormatException("Invalid datetime string");
        }

        return text;
    }

    private static string ParseTimestamp(string text)
    {
        if (EpochRegex().IsMatch(text))
        {
            return text;
        }

        var match = DateTimeRegex().Match(text);
        if (!match.Success || !IsCalendarValid(match))
        {
            throw new FormatException("Invalid timestamp");
        }

        return text;
    }

    private static bool IsCalendarValid(Match match) =>
        DateOnly.TryParseExact(match.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
        && TimeOnly.TryParse(match.Groups["time"].Value, CultureInfo.InvariantCulture, out _);

    private static bool IsBase64(string text) =>
        text.Length % 4 == 0 && Convert.TryFromBase64String(text, new byte[text.Length], out _);

    private static bool IsJson(string text)
    {
        try
        {
            // BigQuery's JSON type nests up to 500 levels (cloud.google.com/bigquery/docs/json-data, Limitations);
            // JsonDocument's own default stops at 64, which would refuse values BigQuery loads.
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 500 });
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public static BigInteger? AsInteger(string? text) => text is null ? null : BigInteger.Parse(text, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex DateRegex();

    [GeneratedRegex(@"^([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?$")]
    private static partial Regex TimeRegex();

    [GeneratedRegex(@"^(?<date>\d{4}-\d{2}-\d{2})[T ](?<time>([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,6})?)?)(?<zone> ?(Z|UTC|[+-]\d{2}(:?\d{2})?))?$")]
    private static partial Regex DateTimeRegex();

    [GeneratedRegex(@"^-?\d+(\.\d{1,6})?$")]
    private static partial Regex EpochRegex();

    [GeneratedRegex(@"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")]
    private static partial Regex FloatRegex();

    [GeneratedRegex(@"^(?<sign>[+-]?)(?<whole>\d*)(\.(?<fraction>\d*))?([eE](?<exp>[+-]?\d+))?$")]
    private static partial Regex DecimalRegex();

    [GeneratedRegex(@"^\s*(POINT|LINESTRING|POLYGON|MULTIPOINT|MULTILINESTRING|MULTIPOLYGON|GEOMETRYCOLLECTION)\b|^\s*\{", RegexOptions.IgnoreCase)]
    private static partial Regex GeographyRegex();
}
