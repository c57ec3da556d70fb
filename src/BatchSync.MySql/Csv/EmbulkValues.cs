using System.Buffers.Text;
using System.Globalization;

namespace BatchSync.MySql.Csv;

/// <summary>
/// Values as embulk-input-mysql read them through MySQL Connector/J and embulk-output-bigquery wrote them, for the
/// <c>types: embulk</c> profile. Each method returns false when the text cannot be read the way the driver would.
/// </summary>
internal static class EmbulkValues
{
    /// <summary>A DATE: the driver makes a java.sql.Date at local midnight, which embulk loads as that instant.</summary>
    public static bool TryWriteDate(ReadOnlySpan<byte> value, SourceZoneConverter zone, Span<byte> destination, out int written)
    {
        written = 0;
        Span<byte> text = stackalloc byte[19];
        if (value.Length != 10)
        {
            return false;
        }

        value.CopyTo(text);
        " 00:00:00"u8.CopyTo(text[10..]);
        if (!CsvTemporal.TryParseDateTime(text, out var local))
        {
            return false;
        }

        written = CsvTemporal.WriteUtc(zone.ToUtc(local), [], destination);
        return true;
    }

    /// <summary>A TIME: a java.sql.Time is that time of day on 1970-01-01, local, with the fraction dropped.</summary>
    public static bool TryWriteTime(ReadOnlySpan<byte> value, SourceZoneConverter zone, Span<byte> destination, out int written)
    {
        written = 0;
        Span<byte> text = stackalloc byte[19];
        if (!CsvTemporal.IsTimeOfDay(value))
        {
            return false;
        }

        "1970-01-01 "u8.CopyTo(text);
        value[..8].CopyTo(text[11..]);
        if (!CsvTemporal.TryParseDateTime(text, out var local))
        {
            return false;
        }

        written = CsvTemporal.WriteUtc(zone.ToUtc(local), [], destination);
        return true;
    }

    /// <summary>A YEAR: the driver reads YEAR as a DATE (its yearIsDateType default), January 1st of that year.</summary>
    public static bool TryWriteYear(ReadOnlySpan<byte> value, SourceZoneConverter zone, Span<byte> destination, out int written)
    {
        written = 0;
        if (!Utf8Parser.TryParse(value, out int year, out var consumed) || consumed != value.Length || year is < 1 or > 9999)
        {
            return false;
        }

        written = CsvTemporal.WriteUtc(zone.ToUtc(new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Unspecified)), [], destination);
        return true;
    }

    /// <summary>Whether a YEAR is 0000, which the driver's convertToNull turns into NULL.</summary>
    public static bool IsZeroYear(ReadOnlySpan<byte> value) => value.Length > 0 && !value.ContainsAnyExcept((byte)'0');

    /// <summary>JDBC getBoolean of an integer column: true for -1 and any positive value.</summary>
    public static bool TryWriteBoolean(ReadOnlySpan<byte> value, Span<byte> destination, out int written)
    {
        written = 0;
        if (!Utf8Parser.TryParse(value, out long number, out var consumed) || consumed != value.Length)
        {
            // Wider than a long can only be a large positive BIGINT UNSIGNED.
            if (value.IsEmpty || value.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
            {
                return false;
            }

            number = 1;
        }

        written = CsvBinary.WriteBoolean(number > 0 || number == -1, destination);
        return true;
    }

    /// <summary>FLOAT: getFloat parses the text as a 32-bit float; embulk widens it to a double.</summary>
    public static bool TryWriteSingle(ReadOnlySpan<byte> value, Span<byte> destination, out int written)
    {
        written = 0;
        if (!float.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var single))
        {
            return false;
        }

        // "R" round-trips the double, so BigQuery reads exactly the widened value embulk loaded.
        return ((double)single).TryFormat(destination, out written, "R", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// MySQL prints JSON with a space after ',' and ':'; embulk parsed it and wrote it back without white space.
    /// Strings keep their bytes (escapes included).
    /// </summary>
    public static int CompactJson(ReadOnlySpan<byte> value, Span<byte> destination)
    {
        var written = 0;
        var inString = false;
        var escaped = false;
        foreach (var b in value)
        {
            if (inString)
            {
                inString = escaped || b != (byte)'"';
                escaped = !escaped && b == (byte)'\\';
            }
            else if (b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
            {
                continue;
            }
            else
            {
                inString = b == (byte)'"';
            }

            destination[written++] = b;
        }

        return written;
    }
}
