namespace BatchSync.MySql.Csv;

/// <summary>
/// Converts DATETIME values written in a source IANA time zone to UTC, honouring daylight saving time. Local
/// times that occur twice (the hour repeated when clocks go back) resolve to the earlier instant; local times
/// that never occur (the hour skipped when clocks go forward) are shifted forward by the length of the gap.
/// Both use the offset in force just before the transition, the rule java.time and most databases apply.
/// </summary>
public sealed class SourceZoneConverter
{
    private readonly TimeZoneInfo _zone;

    public SourceZoneConverter(TimeZoneInfo zone)
    {
        _zone = zone ?? throw new ArgumentNullException(nameof(zone));
    }

    public string ZoneId => _zone.Id;

    /// <exception cref="ArgumentOutOfRangeException">The result falls outside 0001–9999.</exception>
    public DateTime ToUtc(DateTime local)
    {
        TimeSpan offset;
        if (_zone.IsInvalidTime(local))
        {
            offset = OffsetBeforeTransition(local);
        }
        else if (_zone.IsAmbiguousTime(local))
        {
            // The earlier instant is the one with the larger offset (still on summer time).
            var offsets = _zone.GetAmbiguousTimeOffsets(local);
            offset = offsets[0] > offsets[1] ? offsets[0] : offsets[1];
        }
        else
        {
            offset = _zone.GetUtcOffset(local);
        }

        return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
    }

    private TimeSpan OffsetBeforeTransition(DateTime local)
    {
        // A gap lasts at most a few hours; a day earlier is safely before it and after any previous transition.
        var earlier = DateTime.SpecifyKind(local.AddDays(-1), DateTimeKind.Utc);
        return _zone.GetUtcOffset(earlier);
    }
}
