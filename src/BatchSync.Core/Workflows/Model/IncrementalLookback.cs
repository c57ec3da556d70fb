using System.Globalization;

namespace BatchSync.Core.Workflows.Model;

/// <summary>
/// How far before the stored watermark an incremental read starts again, for rows committed late with an older
/// value: a <see cref="Duration"/> for a date/time column (<c>lookback: 10m</c>), a number of <see cref="Values"/>
/// for an integer column (<c>lookback: 5000</c>: ids allocated by transactions that commit after the run).
/// </summary>
public sealed record IncrementalLookback
{
    private IncrementalLookback(TimeSpan duration, long values)
    {
        Duration = duration;
        Values = values;
    }

    public static IncrementalLookback None { get; } = new(TimeSpan.Zero, 0);

    public TimeSpan Duration { get; }

    public long Values { get; }

    public bool IsNone => Duration == TimeSpan.Zero && Values == 0;

    public static IncrementalLookback Of(TimeSpan duration) => duration <= TimeSpan.Zero ? None : new(duration, 0);

    public static IncrementalLookback OfValues(long values) => values <= 0 ? None : new(TimeSpan.Zero, values);

    public override string ToString() => Values > 0 ? Values.ToString(CultureInfo.InvariantCulture) : Duration.ToString("c", CultureInfo.InvariantCulture);
}
