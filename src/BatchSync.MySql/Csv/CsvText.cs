using System.Buffers;

namespace BatchSync.MySql.Csv;

/// <summary>Writes text fields: verbatim when safe, otherwise quoted with inner quotes doubled.</summary>
internal static class CsvText
{
    /// <summary>Bytes that force quoting: the delimiter, the quote, and every ASCII control character (CR, LF, tab …).</summary>
    private static readonly SearchValues<byte> NeedsQuoting = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(b => (byte)b), (byte)'"', (byte)',', 0x7f]);

    private const byte QuoteByte = (byte)'"';

    /// <summary>Worst case: every byte a quote, plus the surrounding quotes.</summary>
    public static int MaxLength(int valueLength) => (2 * valueLength) + 2;

    public static int Write(ReadOnlySpan<byte> value, Span<byte> destination)
    {
        if (value.IsEmpty)
        {
            // Quoted empty: an empty string, distinct from NULL (unquoted empty).
            destination[0] = QuoteByte;
            destination[1] = QuoteByte;
            return 2;
        }

        // Unquoted leading/trailing spaces may be trimmed by the loader.
        if (value.IndexOfAny(NeedsQuoting) < 0 && value[0] != (byte)' ' && value[^1] != (byte)' ')
        {
            value.CopyTo(destination);
            return value.Length;
        }

        return WriteQuoted(value, destination);
    }

    private static int WriteQuoted(ReadOnlySpan<byte> value, Span<byte> destination)
    {
        destination[0] = QuoteByte;
        var position = 1;
        while (true)
        {
            var quote = value.IndexOf(QuoteByte);
            if (quote < 0)
            {
                value.CopyTo(destination[position..]);
                position += value.Length;
                break;
            }

            value[..(quote + 1)].CopyTo(destination[position..]);
            position += quote + 1;
            destination[position++] = QuoteByte;
            value = value[(quote + 1)..];
        }

        destination[position++] = QuoteByte;
        return position;
    }
}
