using System.Text;

namespace BatchSync.BigQuery.Fake;

/// <summary>A field as read: its text and whether it was quoted (a quoted empty field is not NULL for STRING).</summary>
internal readonly record struct CsvField(string Text, bool Quoted);

/// <summary>A record with its 1-based row number and the byte position it starts at.</summary>
internal sealed record CsvRecord(int Row, long Position, IReadOnlyList<CsvField> Fields);

/// <summary>
/// Splits CSV bytes the way BigQuery does: records end at \n, \r\n or \r outside quotes; a field starting with '"'
/// is quoted, '""' inside is one quote, and only a delimiter or a record end may follow the closing quote.
/// The bytes are split first and decoded as UTF-8 afterwards.
/// </summary>
internal static class BigQueryCsvReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <exception cref="CsvFormatException">The data is not valid CSV.</exception>
    public static IEnumerable<CsvRecord> Read(byte[] data, bool allowQuotedNewlines)
    {
        var position = 0;
        var row = 0;
        while (position < data.Length)
        {
            row++;
            var start = position;
            var fields = new List<CsvField>();
            while (true)
            {
                var field = data[position] == (byte)'"' && position < data.Length
                    ? ReadQuoted(data, ref position, start, allowQuotedNewlines)
                    : ReadUnquoted(data, ref position, start);
                fields.Add(field);
                if (position >= data.Length)
                {
                    break;
                }

                var separator = data[position++];
                if (separator == (byte)',')
                {
                    if (position >= data.Length)
                    {
                        fields.Add(new CsvField(string.Empty, false));
                        break;
                    }

                    continue;
                }

                if (separator == (byte)'\r' && position < data.Length && data[position] == (byte)'\n')
                {
                    position++;
                }

                break;
            }

            yield return new CsvRecord(row, start, fields);
        }
    }

    private static CsvField ReadUnquoted(byte[] data, ref int position, int recordStart)
    {
        var begin = position;
        while (position < data.Length && data[position] is not ((byte)',' or (byte)'\n' or (byte)'\r'))
        {
            position++;
        }

        return new CsvField(Decode(data, begin, position - begin, recordStart), false);
    }

    private static CsvField ReadQuoted(byte[] data, ref int position, int recordStart, bool allowQuotedNewlines)
    {
        position++;
        var bytes = new List<byte>();
        while (true)
        {
            if (position >= data.Length)
            {
                throw new CsvFormatException(recordStart, "Missing close double quote (\") character.");
            }

            var b = data[position++];
            if (b == (byte)'"')
            {
                if (position < data.Length && data[position] == (byte)'"')
                {
                    bytes.Add(b);
                    position++;
                    continue;
                }

                if (position < data.Length && data[position] is not ((byte)',' or (byte)'\n' or (byte)'\r'))
                {
                    throw new CsvFormatException(recordStart, "Data between close double quote (\") and field separator.");
                }

                var array = bytes.ToArray();
                return new CsvField(Decode(array, 0, array.Length, recordStart), true);
            }

            if (b is (byte)'\n' or (byte)'\r' && !allowQuotedNewlines)
            {
                throw new CsvFormatException(recordStart, "Missing close double quote (\") character.");
            }

            bytes.Add(b);
        }
    }

    private static string Decode(byte[] data, int offset, int count, int recordStart)
    {
        try
        {
            return StrictUtf8.GetString(data, offset, count);
        }
        catch (DecoderFallbackException)
        {
            throw new CsvFormatException(recordStart, "Invalid UTF-8 sequence.");
        }
    }
}

internal sealed class CsvFormatException(long position, string problem) : Exception($"Error detected while parsing row starting at position: {position}. Error: {problem}")
{
    public long Position { get; } = position;
}
