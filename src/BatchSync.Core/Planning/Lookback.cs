using System.Globalization;

namespace BatchSync.Core.Planning;

/// <summary>Moves a date/time watermark back by the table's lookback, so rows committed late with an older timestamp are read again.</summary>
public static class Lookback
{
    private const string Seconds = "yyyy-MM-dd HH:mm:ss";

    /// <summary>The watermark minus <paramref name="lookback"/>, printed as the server prints it; other values unchanged.</summary>
    public static string Apply(string watermark, TimeSpan lookback)
    {
        if (lookback <= TimeSpan.Zero)
        {
            return watermark;
        }

        var fraction = watermark.Length > Seconds.Length + 1 && watermark[Seconds.Length] == '.' ? watermark.Length - Seconds.Length - 1 : 0;
        var format = fraction == 0 ? Seconds : Seconds + "." + new string('f', fraction);
        return DateTime.TryParseExact(watermark, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? (value - lookback).ToString(format, CultureInfo.InvariantCulture)
            : watermark;
    }
}
