using System.Globalization;
using System.Text.RegularExpressions;

namespace BatchSync.Core.Workflows.Loading;

/// <summary>Durations like <c>10m</c>, <c>30s</c>, <c>2h</c>, <c>1d</c> (or <c>0</c>).</summary>
internal static partial class LookbackParser
{
    public static TimeSpan? Parse(string text)
    {
        if (text == "0")
        {
            return TimeSpan.Zero;
        }

        var match = Pattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var amount = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "s" => TimeSpan.FromSeconds(amount),
            "m" => TimeSpan.FromMinutes(amount),
            "h" => TimeSpan.FromHours(amount),
            _ => TimeSpan.FromDays(amount),
        };
    }

    [GeneratedRegex("^([0-9]{1,6})(s|m|h|d)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
