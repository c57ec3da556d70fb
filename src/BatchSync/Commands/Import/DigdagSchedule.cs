using System.Globalization;

namespace BatchSync.Commands.Import;

/// <summary>
/// Turns a digdag <c>schedule:</c> (run in the workflow's time zone) into an EventBridge expression (UTC), with a
/// comment that keeps the original. The UTC time uses the zone's offset at the time of the import; zones with
/// daylight saving time get a note, since an EventBridge cron does not follow their clock changes.
/// </summary>
internal static class DigdagSchedule
{
    private static readonly string[] Days = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    /// <returns>The expression and comment, or the reason it could not be translated.</returns>
    public static (string? Expression, string Comment, string? Problem) Translate(string kind, string value, TimeZoneInfo zone, DateTimeOffset asOf)
    {
        var original = $"digdag {kind} {value} in {zone.Id}";
        var offset = zone.GetUtcOffset(asOf);
        // Whether the zone changes its clock in the coming year (a past rule, such as Tokyo's 1948-51 one, does not count).
        var changesClock = Enumerable.Range(1, 12).Any(month => zone.GetUtcOffset(asOf.AddMonths(month)) != offset);
        var dst = changesClock ? $"; {zone.Id} changes its clock, so this is one hour off for part of the year" : "";
        try
        {
            var (expression, comment, problem) = kind switch
            {
                "daily>" => Daily(value, offset, original),
                "hourly>" => Hourly(value, offset, original),
                "weekly>" => Weekly(value, offset, original),
                "monthly>" => Monthly(value, offset, original),
                "minutes_interval>" => ($"rate({Number(value)} minute{(Number(value) == 1 ? "" : "s")})", original, null),
                "cron>" => Cron(value, offset, original),
                _ => (null, original, $"schedule {kind} has no EventBridge equivalent"),
            };
            return (expression, kind is "hourly>" or "minutes_interval>" ? comment : comment + dst, problem);
        }
        catch (FormatException e)
        {
            return (null, original, e.Message);
        }
    }

    private static (string?, string, string?) Daily(string value, TimeSpan offset, string comment)
    {
        var (utc, _) = ToUtc(Time(value), offset);
        return ($"cron({utc.Minutes} {utc.Hours} * * ? *)", $"{comment} = {utc:hh\\:mm} UTC", null);
    }

    private static (string?, string, string?) Hourly(string value, TimeSpan offset, string comment)
    {
        var parts = value.Split(':');
        var minute = Number(parts[0]);
        // Zones with a half-hour offset move the minute too.
        var utcMinute = ((minute - offset.Minutes) % 60 + 60) % 60;
        return ($"cron({utcMinute} * * * ? *)", comment, null);
    }

    private static (string?, string, string?) Weekly(string value, TimeSpan offset, string comment)
    {
        var comma = value.IndexOf(',', StringComparison.Ordinal);
        var day = Array.FindIndex(Days, d => d.Equals(value[..comma].Trim()[..3], StringComparison.OrdinalIgnoreCase));
        if (day < 0)
        {
            throw new FormatException($"'{value[..comma]}' is not a day of the week");
        }

        var (utc, dayShift) = ToUtc(Time(value[(comma + 1)..]), offset);
        var utcDay = Days[((day + dayShift) % 7 + 7) % 7];
        return ($"cron({utc.Minutes} {utc.Hours} ? * {utcDay} *)", $"{comment} = {utcDay} {utc:hh\\:mm} UTC", null);
    }

    private static (string?, string, string?) Monthly(string value, TimeSpan offset, string comment)
    {
        var comma = value.IndexOf(',', StringComparison.Ordinal);
        var day = Number(value[..comma]);
        var (utc, dayShift) = ToUtc(Time(value[(comma + 1)..]), offset);
        var utcDay = (day + dayShift) switch
        {
            0 => "L",
            > 28 when dayShift > 0 => throw new FormatException($"day {day} plus the time-zone shift is not a fixed day of the month in UTC"),
            var shifted => shifted.ToString(CultureInfo.InvariantCulture),
        };
        return ($"cron({utc.Minutes} {utc.Hours} {utcDay} * ? *)", $"{comment} = day {utcDay} {utc:hh\\:mm} UTC", null);
    }

    /// <summary>A five-field cron with fixed minute and hour (the common case); other shapes are left to the user.</summary>
    private static (string?, string, string?) Cron(string value, TimeSpan offset, string comment)
    {
        var fields = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 5 || !int.TryParse(fields[0], CultureInfo.InvariantCulture, out var minute) || !int.TryParse(fields[1], CultureInfo.InvariantCulture, out var hour))
        {
            throw new FormatException($"cron '{value}' is not five fields with a fixed minute and hour");
        }

        var (utc, dayShift) = ToUtc(new TimeSpan(hour, minute, 0), offset);
        var (dayOfMonth, month, dayOfWeek) = (fields[2], fields[3], fields[4]);
        if (dayShift != 0 && (dayOfMonth != "*" || dayOfWeek != "*"))
        {
            throw new FormatException($"cron '{value}' names days, and in UTC it runs on the day before or after");
        }

        // digdag counts days from 0 = Sunday; EventBridge from 1 = Sunday, so write names, which both agree on.
        var eventBridgeDayOfWeek = dayOfWeek == "*" ? "?" : System.Text.RegularExpressions.Regex.Replace(dayOfWeek, "[0-7]", d => Days[(d.Value[0] - '0') % 7]).ToUpperInvariant();
        var eventBridgeDayOfMonth = dayOfWeek == "*" ? dayOfMonth : "?";
        return ($"cron({utc.Minutes} {utc.Hours} {eventBridgeDayOfMonth} {month} {eventBridgeDayOfWeek} *)", comment, null);
    }

    private static (TimeSpan Utc, int DayShift) ToUtc(TimeSpan local, TimeSpan offset)
    {
        var utc = local - offset;
        var shift = 0;
        if (utc < TimeSpan.Zero)
        {
            utc += TimeSpan.FromDays(1);
            shift = -1;
        }
        else if (utc >= TimeSpan.FromDays(1))
        {
            utc -= TimeSpan.FromDays(1);
            shift = 1;
        }

        return (utc, shift);
    }

    private static TimeSpan Time(string text)
    {
        var parts = text.Trim().Split(':');
        if (parts.Length is < 2 or > 3)
        {
            throw new FormatException($"'{text}' is not HH:MM:SS");
        }

        return new TimeSpan(Number(parts[0]), Number(parts[1]), 0);
    }

    private static int Number(string text)
        => int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : throw new FormatException($"'{text}' is not a number");
}
