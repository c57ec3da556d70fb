using System.Globalization;

namespace BatchSync.Commands.Run;

/// <summary>The <c>--run-date</c> spelling: an ISO calendar date.</summary>
internal static class RunDates
{
    public static bool TryParse(string text, out DateOnly date)
        => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
