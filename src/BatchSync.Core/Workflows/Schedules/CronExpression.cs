using System.Globalization;

namespace BatchSync.Core.Workflows.Schedules;

/// <summary>
/// The rules of EventBridge cron fields: values and names per field, the wildcards each field takes
/// (<c>, - * ? / L W #</c>), and that exactly one of day-of-month and day-of-week is <c>?</c>.
/// </summary>
internal static class CronExpression
{
    public static IReadOnlyList<string> Validate(string body)
    {
        var fields = body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 6)
        {
            return [$"a cron expression has exactly 6 fields (minutes hours day-of-month month day-of-week year), found {fields.Length}; e.g. cron(0 18 * * ? *)"];
        }

        var errors = new List<string>();
        for (var i = 0; i < fields.Length; i++)
        {
            CheckField(CronField.InOrder[i], fields[i], errors);
        }

        CheckDayFields(fields[2], fields[4], errors);
        return errors;
    }

    private static void CheckDayFields(string dayOfMonth, string dayOfWeek, List<string> errors)
    {
        var domAny = dayOfMonth == "?";
        var dowAny = dayOfWeek == "?";
        if (domAny == dowAny)
        {
            errors.Add(domAny
                ? "day-of-month and day-of-week cannot both be '?'; set one of them (e.g. '*' for every day)"
                : "one of day-of-month and day-of-week must be '?' (EventBridge cannot combine them); e.g. cron(0 18 * * ? *) or cron(0 18 ? * MON-FRI *)");
        }
    }

    private static void CheckField(CronField field, string text, List<string> errors)
    {
        var items = text.Split(',');
        if (text.Contains('#', StringComparison.Ordinal) && items.Length > 1)
        {
            errors.Add($"{field.Name}: a '#' expression cannot be part of a list ('{text}'); use one, e.g. 3#2");
            return;
        }

        if (items.Length > 1 && !field.Allows(','))
        {
            errors.Add($"{field.Name}: lists are not allowed");
        }

        foreach (var item in items)
        {
            if (CheckItem(field, item) is { } error)
            {
                errors.Add($"{field.Name}: {error}");
            }
        }
    }

    private static string? CheckItem(CronField field, string item)
    {
        if (item.Length == 0)
        {
            return "empty value in a list";
        }

        if (item is "*" or "?")
        {
            return field.Allows(item[0]) ? null : $"'{item}' is not allowed here";
        }

        if (item.Contains('/', StringComparison.Ordinal))
        {
            return CheckStep(field, item);
        }

        if (item.Contains('#', StringComparison.Ordinal))
        {
            return CheckNthWeekday(field, item);
        }

        if (item.EndsWith('W') || item == "L" || (field == CronField.DayOfWeek && item.EndsWith('L')))
        {
            return CheckLastOrWeekday(field, item);
        }

        return CheckRangeOrValue(field, item);
    }

    private static string? CheckStep(CronField field, string item)
    {
        if (!field.Allows('/'))
        {
            return $"'/' is not allowed in {field.Name} ('{item}')";
        }

        var parts = item.Split('/');
        if (parts.Length != 2)
        {
            return $"'{item}' has more than one '/'";
        }

        if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var step) || step < 1 || step > field.Max - field.Min + 1)
        {
            return $"the increment in '{item}' must be a whole number from 1 to {field.Max - field.Min + 1}";
        }

        return parts[0] == "*" ? null : CheckRangeOrValue(field, parts[0]);
    }

    private static string? CheckNthWeekday(CronField field, string item)
    {
        if (!field.Allows('#'))
        {
            return $"'#' is only allowed in day-of-week ('{item}')";
        }

        var parts = item.Split('#');
        if (parts.Length != 2 || ParseValue(field, parts[0]) is null)
        {
            return $"'{item}' must be <weekday>#<n>, e.g. 3#2 for the second Tuesday";
        }

        return int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var nth) && nth is >= 1 and <= 5
            ? null
            : $"the occurrence in '{item}' must be 1 to 5";
    }

    private static string? CheckLastOrWeekday(CronField field, string item)
    {
        if (item == "L")
        {
            return field.Allows('L') ? null : $"'L' is not allowed in {field.Name}";
        }

        if (item.EndsWith('W'))
        {
            if (!field.Allows('W'))
            {
                return $"'W' is only allowed in day-of-month ('{item}')";
            }

            return item == "LW" || ParseValue(field, item[..^1]) is not null
                ? null
                : $"'{item}' must be <day>W, e.g. 3W for the weekday nearest the 3rd";
        }

        // day-of-week "<weekday>L": the last such weekday of the month.
        return ParseValue(field, item[..^1]) is not null ? null : $"'{item}' must be L or <weekday>L, e.g. 6L for the last Friday";
    }

    private static string? CheckRangeOrValue(CronField field, string item)
    {
        var dash = item.IndexOf('-', 1);
        if (dash < 0)
        {
            return ParseValue(field, item) is null ? Unknown(field, item) : null;
        }

        if (!field.Allows('-'))
        {
            return $"ranges are not allowed in {field.Name}";
        }

        var from = ParseValue(field, item[..dash]);
        var to = ParseValue(field, item[(dash + 1)..]);
        if (from is null)
        {
            return Unknown(field, item[..dash]);
        }

        if (to is null)
        {
            return Unknown(field, item[(dash + 1)..]);
        }

        return from <= to ? null : $"the range '{item}' runs backwards; write the lower value first";
    }

    private static string Unknown(CronField field, string value) => $"'{value}' is not a value here; allowed: {field.Range} and the wildcards {string.Join(' ', field.Wildcards.ToCharArray())}";

    private static int? ParseValue(CronField field, string text)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number >= field.Min && number <= field.Max ? number : null;
        }

        if (field.Names is null)
        {
            return null;
        }

        var index = field.Names.ToList().FindIndex(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? null : field.Min + index;
    }
}
