using System.Globalization;
using System.Text.RegularExpressions;
using BatchSync.Core.Workflows.Model;

namespace BatchSync.Core.Workflows.Loading;

/// <summary>Durations like <c>10m</c>, <c>30s</c>, <c>2h</c>, <c>1d</c>, a number of values like <c>5000</c>, or <c>0</c>.</summary>
internal static partial class LookbackParser
{
    public static IncrementalLookback? Parse(string text)
    {
        if (ValuesPattern().IsMatch(text))
        {
            return IncrementalLookback.OfValues(long.Parse(text, CultureInfo.InvariantCulture));
        }

        var match = DurationPattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var amount = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return IncrementalLookback.Of(match.Groups[2].Value switch
        {
            "s" => TimeSpan.FromSeconds(amount),
            "m" => TimeSpan.FromMinutes(amount),
            "h" => TimeSpan.FromHours(amount),
            _ => TimeSpan.FromDays(amount),
        });
    }

    [GeneratedRegex("^([0-9]{1,6})(s|m|h|d)$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();

    [GeneratedRegex("^[0-9]{1,18}$", RegexOptions.CultureInvariant)]
    private static partial Regex ValuesPattern();
}
