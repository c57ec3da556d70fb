namespace BatchSync.MySql.Csv;

/// <summary>
/// Converts DATETIME values written in a source IANA time zone to UTC, honouring daylight saving time. Local
/// times that occur twice (the hour repeated when clocks go back) resolve to the earlier instant; local times
/// that never occur (the hour skipped when clocks go forward) are shifted forward by the length of the gap.
/// Both use the offset in force just before the transition, the rule java.time and most databases apply.
/// </summary>
public sealed class SourceZoneConverter
{
    private static readonly long BucketTicks = TimeSpan.FromMinutes(15).Ticks;
    private const int CacheSize = 4096;

    private readonly TimeZoneInfo _zone;

    // Direct-mapped cache of quarter-hours whose offset is the same from start to end with no transition inside:
    // the zone's rules are walked once per quarter-hour instead of once per value. Fixed size, so memory stays flat.
    private readonly long[] _cachedBuckets = new long[CacheSize];
    private readonly long[] _cachedOffsets = new long[CacheSize];

    public SourceZoneConverter(TimeZoneInfo zone)
    {
        _zone = zone ?? throw new ArgumentNullException(nameof(zone));
        Array.Fill(_cachedBuckets, long.MinValue);
    }

    public string ZoneId => _zone.Id;

    /// <exception cref="ArgumentOutOfRangeException">The result falls outside 0001–9999.</exception>
    public DateTime ToUtc(DateTime local)
    {
        var bucket = local.Ticks / BucketTicks;
        var slot = (int)(bucket & (CacheSize - 1));
        if (_cachedBuckets[slot] == bucket)
        {
            return DateTime.SpecifyKind(local.AddTicks(-_cachedOffsets[slot]), DateTimeKind.Utc);
        }

        if (TryGetSteadyOffset(bucket, out var steady))
        {
            _cachedBuckets[slot] = bucket;
            _cachedOffsets[slot] = steady.Ticks;
            return DateTime.SpecifyKind(local - steady, DateTimeKind.Utc);
        }

        return DateTime.SpecifyKind(local - ResolveOffset(local), DateTimeKind.Utc);
    }

    /// <summary>The offset of a quarter-hour whose first and last instants are ordinary local times with the same offset.</summary>
    private bool TryGetSteadyOffset(long bucket, out TimeSpan offset)
    {
        offset = default;
        var startTicks = bucket * BucketTicks;
        var endTicks = startTicks + BucketTicks - 1;
        if (startTicks < DateTime.MinValue.Ticks || endTicks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        var start = new DateTime(startTicks, DateTimeKind.Unspecified);
        var end = new DateTime(endTicks, DateTimeKind.Unspecified);
        if (IsIrregular(start) || IsIrregular(end))
        {
            return false;
        }

        offset = _zone.GetUtcOffset(start);
        return offset == _zone.GetUtcOffset(end);
    }

    private bool IsIrregular(DateTime local) => _zone.IsInvalidTime(local) || _zone.IsAmbiguousTime(local);

    private TimeSpan ResolveOffset(DateTime local)
    {
        if (_zone.IsInvalidTime(local))
        {
            // A gap lasts at most a few hours; a day earlier is safely before it and after any previous transition.
            return _zone.GetUtcOffset(DateTime.SpecifyKind(local.AddDays(-1), DateTimeKind.Utc));
        }

        if (_zone.IsAmbiguousTime(local))
        {
            // The earlier instant is the one with the larger offset (still on summer time).
            var offsets = _zone.GetAmbiguousTimeOffsets(local);
            return offsets[0] > offsets[1] ? offsets[0] : offsets[1];
        }

        return _zone.GetUtcOffset(local);
    }
}
