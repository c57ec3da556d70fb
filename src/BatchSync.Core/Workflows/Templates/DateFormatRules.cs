namespace BatchSync.Core.Workflows.Templates;

/// <summary>
/// The date formats a table name may use: year, month, day (and hour, minute, second for {run_time}) with '_' or '-'
/// between them. Anything else (quotes, '/', day names) would either fail as a BigQuery table name or vary by culture.
/// </summary>
internal static class DateFormatRules
{
    private static readonly Dictionary<char, int[]> DateSpecifiers = new()
    {
        ['y'] = [2, 4],
        ['M'] = [1, 2],
        ['d'] = [1, 2],
    };

    private static readonly Dictionary<char, int[]> TimeSpecifiers = new()
    {
        ['H'] = [1, 2],
        ['m'] = [1, 2],
        ['s'] = [1, 2],
    };

    /// <summary>Null when <paramref name="format"/> is allowed, otherwise what is wrong with it.</summary>
    public static string? Check(string format, bool allowTimeOfDay)
    {
        if (format.Length == 0)
        {
            return "empty date format; write e.g. {run_date:yyyyMMdd}";
        }

        var i = 0;
        while (i < format.Length)
        {
            var c = format[i];
            var run = 1;
            while (i + run < format.Length && format[i + run] == c)
            {
                run++;
            }

            if (c is '_' or '-')
            {
                i += run;
                continue;
            }

            var lengths = DateSpecifiers.GetValueOrDefault(c) ?? (allowTimeOfDay ? TimeSpecifiers.GetValueOrDefault(c) : null);
            if (lengths is null)
            {
                var allowed = allowTimeOfDay ? "yyyy, yy, MM, M, dd, d, HH, H, mm, m, ss, s" : "yyyy, yy, MM, M, dd, d";
                return $"'{c}' cannot be used in the date format '{format}'; use {allowed}, '_' and '-'";
            }

            if (!lengths.Contains(run))
            {
                return $"'{new string(c, run)}' is not a date format specifier in '{format}'; use {string.Join(" or ", lengths.Select(n => new string(c, n)))}";
            }

            i += run;
        }

        return null;
    }
}
