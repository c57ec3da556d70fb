namespace BatchSync.MySql.Csv;

/// <summary>Checks and rewrites temporal values, which the text protocol sends as <c>YYYY-MM-DD[ HH:MM:SS[.ffffff]]</c>.</summary>
internal static class CsvTemporal
{
    public static ReadOnlySpan<byte> UtcSuffix => "+00:00"u8;

    /// <summary>
    /// A zero or partial-zero date (<c>0000-00-00</c>, <c>2020-00-10</c>, <c>0000-01-01</c>): any of year, month or day
    /// is zero. BigQuery's dates start at 0001-01-01, so year 0000 is as unloadable as month 00.
    /// </summary>
    public static bool IsZeroDate(ReadOnlySpan<byte> value)
        => value.Length >= 10
            && (value[..4].SequenceEqual("0000"u8) || value.Slice(5, 2).SequenceEqual("00"u8) || value.Slice(8, 2).SequenceEqual("00"u8));

    /// <summary>TIME is a time of day only from 00:00:00 to 23:59:59.999999; MySQL also allows -838:59:59..838:59:59.</summary>
    public static bool IsTimeOfDay(ReadOnlySpan<byte> value)
        => value.Length >= 8 && value[2] == (byte)':' && IsDigit(value[0]) && IsDigit(value[1])
            && ((value[0] - '0') * 10) + (value[1] - '0') < 24;

    public static int WriteTimestamp(ReadOnlySpan<byte> value, Span<byte> destination)
    {
        value.CopyTo(destination);
        UtcSuffix.CopyTo(destination[value.Length..]);
        return value.Length + UtcSuffix.Length;
    }

    /// <summary>Where the optional fractional seconds (with their dot) start in a DATETIME's text.</summary>
    public const int FractionStart = 19;

    /// <summary>Parses <c>YYYY-MM-DD HH:MM:SS[.ffffff]</c>.</summary>
    public static bool TryParseDateTime(ReadOnlySpan<byte> value, out DateTime local)
    {
        local = default;
        if (value.Length < 19 || value[4] != (byte)'-' || value[7] != (byte)'-' || value[10] != (byte)' '
            || value[13] != (byte)':' || value[16] != (byte)':')
        {
            return false;
        }

        if (!TryDigits(value[..4], out var year) || !TryDigits(value.Slice(5, 2), out var month) || !TryDigits(value.Slice(8, 2), out var day)
            || !TryDigits(value.Slice(11, 2), out var hour) || !TryDigits(value.Slice(14, 2), out var minute) || !TryDigits(value.Slice(17, 2), out var second))
        {
            return false;
        }

        var ticks = 0L;
        if (value.Length > 19)
        {
            if (value[19] != (byte)'.' || value.Length > 26 || !TryDigits(value[20..], out var fraction))
            {
                return false;
            }

            // Scale the 1–6 fractional digits to ticks (100 ns).
            for (var digits = value.Length - 20; digits < 7; digits++)
            {
                fraction *= 10;
            }

            ticks = fraction;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(ticks);
        return true;
    }

    /// <summary>Writes <c>YYYY-MM-DD HH:MM:SS</c>, the given fraction text, and <c>+00:00</c>.</summary>
    public static int WriteUtc(DateTime utc, ReadOnlySpan<byte> fraction, Span<byte> destination)
    {
        Write4(destination, utc.Year);
        destination[4] = (byte)'-';
        Write2(destination[5..], utc.Month);
        destination[7] = (byte)'-';
        Write2(destination[8..], utc.Day);
        destination[10] = (byte)' ';
        Write2(destination[11..], utc.Hour);
        destination[13] = (byte)':';
        Write2(destination[14..], utc.Minute);
        destination[16] = (byte)':';
        Write2(destination[17..], utc.Second);
        fraction.CopyTo(destination[19..]);
        var length = 19 + fraction.Length;
        UtcSuffix.CopyTo(destination[length..]);
        return length + UtcSuffix.Length;
    }

    private static bool TryDigits(ReadOnlySpan<byte> text, out int number)
    {
        number = 0;
        foreach (var b in text)
        {
            if (!IsDigit(b))
            {
                return false;
            }

            number = (number * 10) + (b - '0');
        }

        return !text.IsEmpty;
    }

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    private static void Write2(Span<byte> destination, int value)
    {
        destination[0] = (byte)('0' + (value / 10));
        destination[1] = (byte)('0' + (value % 10));
    }

    private static void Write4(Span<byte> destination, int value)
    {
        Write2(destination, value / 100);
        Write2(destination[2..], value % 100);
    }
}
