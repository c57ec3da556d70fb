using System.Text;
using System.Text.RegularExpressions;

namespace BatchSync.Commands.Import;

/// <summary>
/// Turns strftime dates in table names (embulk-output-bigquery's <c>table: t_%Y%m%d</c>, liquid's date filter) into
/// <c>{run_date:…}</c> / <c>{run_time:…}</c> placeholders.
/// </summary>
internal static partial class StrftimeFormat
{
    public static bool HasDirectives(string text) => Run().IsMatch(text);

    /// <summary>Replaces each run of directives; returns null when a directive has no equivalent.</summary>
    public static string? ToPlaceholders(string text)
    {
        string? unsupported = null;
        var replaced = Run().Replace(text, match =>
        {
            var format = new StringBuilder();
            var hasTime = false;
            for (var i = 0; i < match.Value.Length; i++)
            {
                var c = match.Value[i];
                if (c != '%')
                {
                    format.Append(c);
                    continue;
                }

                var directive = match.Value[++i];
                hasTime |= directive is 'H' or 'M' or 'S';
                format.Append(directive switch
                {
                    'Y' => "yyyy",
                    'y' => "yy",
                    'm' => "MM",
                    'd' => "dd",
                    'H' => "HH",
                    'M' => "mm",
                    'S' => "ss",
                    _ => "?",
                });
            }

            return $"{{{(hasTime ? "run_time" : "run_date")}:{format}}}";
        });
        if (OtherDirective().Match(replaced) is { Success: true } other)
        {
            unsupported = other.Value;
        }

        return unsupported is null ? replaced : null;
    }

    [GeneratedRegex(@"%[YymdHMS]([_-]?%[YymdHMS])*")]
    private static partial Regex Run();

    [GeneratedRegex(@"%[A-Za-z]")]
    private static partial Regex OtherDirective();
}
