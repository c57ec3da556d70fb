using System.Globalization;
using BatchSync.Core.Workflows.Model;

namespace BatchSync.Core.Planning;

/// <summary>
/// Moves a watermark back by the table's lookback, so rows committed late with an older value are read again: a
/// date/time watermark by a duration, an integer watermark by a number of values. A lookback that does not fit the
/// watermark fails the table at plan time: ignoring it would lose exactly the late rows it was set for.
/// </summary>
public static class Lookback
{
    private const string Seconds = "yyyy-MM-dd HH:mm:ss";

    private const string Date = "yyyy-MM-dd";

    /// <summary>The watermark minus <paramref name="lookback"/>, printed as the server prints it.</summary>
    /// <exception cref="SourceTableException">The lookback is a duration for an integer column, a count for a date/time column, or set for a column that is neither.</exception>
    public static string Apply(string table, string column, string watermark, IncrementalLookback lookback)
    {
        ArgumentNullException.ThrowIfNull(lookback);
        if (lookback.IsNone)
        {
            return watermark;
        }

        if (long.TryParse(watermark, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return lookback.Values > 0
                ? (integer < long.MinValue + lookback.Values ? long.MinValue : integer - lookback.Values).ToString(CultureInfo.InvariantCulture)
                : throw Mismatch(table, column, watermark, lookback, "an integer", "a number of values, e.g. lookback: 5000");
        }

        if (TryParseDateTime(watermark, out var value, out var format))
        {
            return lookback.Duration > TimeSpan.Zero
                ? (value - lookback.Duration).ToString(format, CultureInfo.InvariantCulture)
                : throw Mismatch(table, column, watermark, lookback, "a date/time", "a duration, e.g. lookback: 10m");
        }

        throw new SourceTableException($"{table}: incremental.lookback {lookback} cannot move the watermark of {column} ('{watermark}'), which is neither an integer nor a date/time. Remove lookback, or use an integer or date/time column.");
    }

    private static bool TryParseDateTime(string watermark, out DateTime value, out string format)
    {
        // A DATE column: moving back by a part of a day lands on the day before, which re-reads a little more.
        format = Date;
        if (watermark.Length == Date.Length && DateTime.TryParseExact(watermark, Date, CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
        {
            return true;
        }

        var fraction = watermark.Length > Seconds.Length + 1 && watermark[Seconds.Length] == '.' ? watermark.Length - Seconds.Length - 1 : 0;
        format = fraction == 0 ? Seconds : Seconds + "." + new string('f', fraction);
        return DateTime.TryParseExact(watermark, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    private static SourceTableException Mismatch(string table, string column, string watermark, IncrementalLookback lookback, string kind, string fix) =>
        new($"{table}: incremental.lookback {lookback} does not fit column {column}, whose watermark '{watermark}' is {kind}; write {fix}.");
}
