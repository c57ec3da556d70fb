using System.Globalization;
using System.Text.RegularExpressions;

namespace BatchSync.Core.Workflows.Schedules;

/// <summary>
/// Checks an Amazon EventBridge schedule expression the way EventBridge does: <c>rate(value unit)</c> or a six-field
/// <c>cron(minutes hours day-of-month month day-of-week year)</c> (UTC). Checking here means a typo fails
/// <c>batchsync validate</c> in CI rather than the infrastructure deployment.
/// </summary>
public static partial class ScheduleExpression
{
    /// <summary>Every problem with <paramref name="expression"/>; empty when EventBridge would accept it.</summary>
    public static IReadOnlyList<string> Validate(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var text = expression.Trim();
        if (text.StartsWith("cron(", StringComparison.Ordinal) && text.EndsWith(')'))
        {
            return CronExpression.Validate(text[5..^1]);
        }

        if (text.StartsWith("rate(", StringComparison.Ordinal) && text.EndsWith(')'))
        {
            return ValidateRate(text[5..^1]);
        }

        return ["a schedule is cron(minutes hours day-of-month month day-of-week year) or rate(value unit), e.g. cron(0 18 * * ? *) or rate(1 day)"];
    }

    private static string[] ValidateRate(string body)
    {
        var match = RatePattern().Match(body.Trim());
        if (!match.Success)
        {
            return [$"'rate({body})' is not a rate expression; write rate(value unit) with unit minute(s), hour(s) or day(s), e.g. rate(5 minutes)"];
        }

        if (!long.TryParse(match.Groups["value"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
        {
            return ["a rate's value must be a positive whole number"];
        }

        var unit = match.Groups["unit"].Value;
        var singular = unit.TrimEnd('s');
        var plural = singular + "s";
        if (value == 1 && unit != singular)
        {
            return [$"with a value of 1 the unit is singular: rate(1 {singular})"];
        }

        if (value > 1 && unit != plural)
        {
            return [$"with a value above 1 the unit is plural: rate({value} {plural})"];
        }

        return [];
    }

    [GeneratedRegex(@"^(?<value>\S+)\s+(?<unit>minute|minutes|hour|hours|day|days)$", RegexOptions.CultureInvariant)]
    private static partial Regex RatePattern();
}
