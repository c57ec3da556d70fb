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

    /// <summary>
    /// BigQuery rejects a query or load job that modifies more than 4,000 partitions ("Number of partitions modified
    /// by a single job", https://cloud.google.com/bigquery/quotas#partitioned_tables), with the message it gives for
    /// queries. Rows of an unpartitioned table have no partition and count for nothing.
    /// </summary>
    public static void EnsureWithinJobLimit(IEnumerable<string?> modified, int limit)
    {
        var partitions = modified.OfType<string>().Distinct(StringComparer.Ordinal).Count();
        if (partitions > limit)
        {
            throw JobFailedException.Single("invalid", $"Too many partitions produced by query, allowed {limit}, query produces at least {partitions} partitions");
        }
    }

    private static string Format(DateTime instant, string type) => type switch
    {
        "HOUR" => instant.ToString("yyyyMMddHH", CultureInfo.InvariantCulture),
        "MONTH" => instant.ToString("yyyyMM", CultureInfo.InvariantCulture),
        "YEAR" => instant.ToString("yyyy", CultureInfo.InvariantCulture),
        _ => instant.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
    };

    /// <summary>A DATE, DATETIME or TIMESTAMP value in UTC (a TIMESTAMP may carry a zone or be seconds since the epoch).</summary>
    public static DateTime ParseInstant(string value)
    {
        if (double.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds))
        {
            return DateTime.UnixEpoch.AddSeconds(seconds);
        }

        // The date and time may be separated by 'T'; "UTC" (with or without a space) and "Z" mean +00:00.
        var text = value.Length > 10 && value[10] == 'T' ? value[..10] + " " + value[11..] : value;
        if (text.EndsWith("UTC", StringComparison.Ordinal))
        {
            text = text[..^3].TrimEnd() + "+00:00";
        }
        else if (text.EndsWith('Z'))
        {
            text = text[..^1] + "+00:00";
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant.UtcDateTime
            : DateTime.ParseExact(value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
