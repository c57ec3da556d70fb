using System.Globalization;

namespace BatchSync.BigQuery.Fake;

/// <summary>Which partition a row belongs to, in decorator form (DAY 20261121, HOUR 2026112103, MONTH 202611, YEAR 2026).</summary>
internal static class PartitionIds
{
    public static string? Of(FakeTable table, IReadOnlyDictionary<string, string?> values, string? decorator, DateTimeOffset now)
    {
        if (table.TimePartitioning is { } time)
        {
            var type = time["type"]!.GetValue<string>();
            var field = time["field"]?.GetValue<string>();
            if (field is null)
            {
                return decorator ?? Format(now.UtcDateTime, type);
            }

            var value = values.GetValueOrDefault(field);
            return value is null ? "__NULL__" : Format(ParseInstant(value), type);
        }

        if (table.RangePartitioning is { } range)
        {
            var value = values.GetValueOrDefault(range["field"]!.GetValue<string>());
            if (value is null)
            {
                return "__NULL__";
            }

            var start = long.Parse(range["range"]!["start"]!.ToString(), CultureInfo.InvariantCulture);
            var end = long.Parse(range["range"]!["end"]!.ToString(), CultureInfo.InvariantCulture);
            var interval = long.Parse(range["range"]!["interval"]!.ToString(), CultureInfo.InvariantCulture);
            var number = long.Parse(value, CultureInfo.InvariantCulture);
            return number < start || number >= end ? "__UNPARTITIONED__" : (start + ((number - start) / interval * interval)).ToString(CultureInfo.InvariantCulture);
        }

        return null;
    }

    private static string Format(DateTime instant, string type) => type switch
    {
        "HOUR" => instant.ToString("yyyyMMddHH", CultureInfo.InvariantCulture),
        "MONTH" => instant.ToString("yyyyMM", CultureInfo.InvariantCulture),
        "YEAR" => instant.ToString("yyyy", CultureInfo.InvariantCulture),
        _ => instant.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
    };

    private static DateTime ParseInstant(string value)
    {
        var text = value.Replace('T', ' ');
        if (text.EndsWith(" UTC", StringComparison.Ordinal) || text.EndsWith('Z'))
        {
            text = text.TrimEnd('Z').Replace(" UTC", string.Empty, StringComparison.Ordinal) + "+00:00";
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant.UtcDateTime
            : DateTime.ParseExact(value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
