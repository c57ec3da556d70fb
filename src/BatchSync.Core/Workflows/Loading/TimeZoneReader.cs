using BatchSync.Core.Workflows.Diagnostics;

namespace BatchSync.Core.Workflows.Loading;

/// <summary>Reads IANA time zone ids (tzdata), suggesting the nearest id for a misspelling.</summary>
internal static class TimeZoneReader
{
    public static TimeZoneInfo? Read(MapReader map, string key)
    {
        var scalar = map.Scalar(key);
        if (scalar is null)
        {
            return null;
        }

        if (scalar.Value.Contains('/', StringComparison.Ordinal) || scalar.Value == "UTC")
        {
            if (TimeZoneInfo.TryFindSystemTimeZoneById(scalar.Value, out var zone))
            {
                return zone;
            }
        }

        map.Diagnostics.Error(
            DiagnosticCodes.BadTimeZone,
            scalar.Location,
            $"{map.PathOf(key)}: '{scalar.Value}' is not an IANA time zone",
            Suggestions.DidYouMean(scalar.Value, TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id))
                ?? "use a name like Asia/Tokyo, Europe/Berlin or UTC (abbreviations such as JST are ambiguous)");
        return null;
    }
}
