using System.Text.Unicode;
using BatchSync.MySql.Results;

namespace BatchSync.MySql.Csv;

/// <summary>
/// Turns one text-protocol row payload into one BigQuery CSV line, value by value, straight from the payload bytes
/// into the destination buffer with no per-value allocation.
/// </summary>
public sealed class CsvRowEncoder
{
    private const int MaxFixedFieldLength = 48;

    private readonly CsvColumn[] _columns;
    private readonly string _table;
    private readonly ZeroDatePolicy _zeroDates;
    private readonly SourceZoneConverter? _sourceZone;

    // Reused for values that are rewritten before quoting (compact JSON); grows to the largest such value.
    private byte[] _scratch = new byte[256];

    /// <param name="table">The table as messages should name it, for example <c>shop.users</c>.</param>
    /// <param name="columns">Output columns, in result order.</param>
    /// <param name="zeroDates">What zero dates become.</param>
    /// <param name="sourceZone">Needed when a column uses <see cref="ValueEncoding.DateTimeFromZone"/>.</param>
    public CsvRowEncoder(string table, IReadOnlyList<CsvColumn> columns, ZeroDatePolicy zeroDates, SourceZoneConverter? sourceZone = null)
    {
        ArgumentNullException.ThrowIfNull(columns);
        _table = table;
        _columns = [.. columns];
        _zeroDates = zeroDates;
        _sourceZone = sourceZone;
        if (sourceZone is null && _columns.Any(c => c.Encoding is ValueEncoding.DateTimeFromZone or ValueEncoding.DateFromZone or ValueEncoding.TimeFromZone or ValueEncoding.YearFromZone))
        {
            throw new ArgumentException("Converting DATETIME, DATE, TIME or YEAR to TIMESTAMP needs the source time zone.", nameof(sourceZone));
        }
    }

    public int ColumnCount => _columns.Length;

    /// <summary>An upper bound of the CSV length of a row whose payload has <paramref name="payloadLength"/> bytes.</summary>
    public int MaxEncodedLength(int payloadLength) => (2 * payloadLength) + (_columns.Length * MaxFixedFieldLength) + 2;

    /// <summary>Encodes a row, ending with a line feed. <paramref name="destination"/> must hold <see cref="MaxEncodedLength"/> bytes.</summary>
    /// <returns>The bytes written.</returns>
    /// <exception cref="CsvConversionException">A value cannot be written as its column's type.</exception>
    public int Encode(ReadOnlySpan<byte> row, Span<byte> destination, long rowNumber)
    {
        var reader = new TextRowReader(row);
        var position = 0;
        var columns = _columns;
        for (var i = 0; i < columns.Length; i++)
        {
            if (i > 0)
            {
                destination[position++] = (byte)',';
            }

            if (reader.ReadField(out var value))
            {
                var written = EncodeValue(i, value, destination[position..], rowNumber);
                if (written > BigQueryLoadLimits.MaxCsvBytes)
                {
                    throw Fail(i, rowNumber, $"the value is {Megabytes(written)} as CSV, more than the {Megabytes(BigQueryLoadLimits.MaxCsvBytes)} BigQuery loads in one cell (binary values grow by a third in base64). Leave the column out of the select, or cut it with SUBSTRING.");
                }

                position += written;
            }
        }

        destination[position++] = (byte)'\n';
        if (position > BigQueryLoadLimits.MaxCsvBytes)
        {
            throw new CsvConversionException(_table, LargestColumn(destination[..position]), rowNumber,
                $"the row is {Megabytes(position)} as CSV, more than the {Megabytes(BigQueryLoadLimits.MaxCsvBytes)} BigQuery loads in one row. Leave large columns out of the select, or cut them with SUBSTRING.");
        }

        return position;
    }

    private int EncodeValue(int column, ReadOnlySpan<byte> value, Span<byte> destination, long rowNumber)
    {
        switch (_columns[column].Encoding)
        {
            case ValueEncoding.Number:
                value.CopyTo(destination);
                return value.Length;
            case ValueEncoding.Text:
                if (!Utf8.IsValid(value))
                {
                    throw Fail(column, rowNumber, "the value is not valid UTF-8, which BigQuery rejects. Fix the data or map the column to BYTES.");
                }

                return CsvText.Write(value, destination);
            case ValueEncoding.Json:
                if (!Utf8.IsValid(value))
                {
                    throw Fail(column, rowNumber, "the value is not valid UTF-8, which BigQuery rejects. Fix the data or map the column to BYTES.");
                }

                if (JsonNesting.Depth(value) > BigQueryLoadLimits.MaxJsonNesting)
                {
                    throw Fail(column, rowNumber, $"the JSON value is nested deeper than the {BigQueryLoadLimits.MaxJsonNesting} levels BigQuery's JSON type allows. Map the column to STRING to keep it as text.");
                }

                return CsvText.Write(value, destination);
            case ValueEncoding.Base64:
                return CsvBinary.WriteBase64(value, destination);
            case ValueEncoding.BitBoolean:
                return CsvBinary.WriteBoolean(!CsvBinary.TryReadBits(value, out var flag) || flag != 0, destination);
            case ValueEncoding.BitInteger:
                if (!CsvBinary.TryReadBits(value, out var bits))
                {
                    throw Fail(column, rowNumber, $"a BIT value of {value.Length} bytes does not fit 64 bits.");
                }

                return CsvBinary.WriteUnsigned(bits, destination);
            case ValueEncoding.IntegerBoolean:
                return WriteIntegerBoolean(column, value, destination, rowNumber);
            case ValueEncoding.Date:
            case ValueEncoding.DateTime:
                if (CsvTemporal.IsZeroDate(value))
                {
                    return ZeroDate(column, value, rowNumber);
                }

                value.CopyTo(destination);
                return value.Length;
            case ValueEncoding.Timestamp:
                return CsvTemporal.IsZeroDate(value) ? ZeroDate(column, value, rowNumber) : CsvTemporal.WriteTimestamp(value, destination);
            case ValueEncoding.DateTimeFromZone:
                return CsvTemporal.IsZeroDate(value) ? ZeroDate(column, value, rowNumber) : WriteFromZone(column, value, destination, rowNumber);
            case ValueEncoding.TimeOfDay:
                if (!CsvTemporal.IsTimeOfDay(value))
                {
                    throw Fail(column, rowNumber, $"TIME value '{Describe(value)}' is not a time of day (00:00:00–23:59:59.999999) as BigQuery TIME requires. Map the column to STRING to keep such values.");
                }

                value.CopyTo(destination);
                return value.Length;
            default:
                return EncodeAsEmbulk(column, value, destination, rowNumber);
        }
    }

    /// <summary>The <c>types: embulk</c> encodings (see <see cref="EmbulkValues"/>).</summary>
    private int EncodeAsEmbulk(int column, ReadOnlySpan<byte> value, Span<byte> destination, long rowNumber)
    {
        int written;
        switch (_columns[column].Encoding)
        {
            case ValueEncoding.DateFromZone:
                return CsvTemporal.IsZeroDate(value) ? ZeroDate(column, value, rowNumber)
                    : EmbulkValues.TryWriteDate(value, _sourceZone!, destination, out written) ? written
                    : throw Fail(column, rowNumber, $"DATE value '{Describe(value)}' could not be read.");
            case ValueEncoding.TimeFromZone:
                return EmbulkValues.TryWriteTime(value, _sourceZone!, destination, out written) ? written
                    : throw Fail(column, rowNumber, $"TIME value '{Describe(value)}' is not a time of day, which embulk's driver could not read either. Map the column to STRING to keep such values.");
            case ValueEncoding.YearFromZone:
                return EmbulkValues.IsZeroYear(value) ? ZeroDate(column, value, rowNumber)
                    : EmbulkValues.TryWriteYear(value, _sourceZone!, destination, out written) ? written
                    : throw Fail(column, rowNumber, $"YEAR value '{Describe(value)}' could not be read.");
            case ValueEncoding.JdbcBoolean:
                return EmbulkValues.TryWriteBoolean(value, destination, out written) ? written
                    : throw Fail(column, rowNumber, $"value '{Describe(value)}' is not an integer.");
            case ValueEncoding.SingleFloat:
                return EmbulkValues.TryWriteSingle(value, destination, out written) ? written
                    : throw Fail(column, rowNumber, $"FLOAT value '{Describe(value)}' could not be read.");
            case ValueEncoding.CompactJson:
                if (!Utf8.IsValid(value))
                {
                    throw Fail(column, rowNumber, "the value is not valid UTF-8, which BigQuery rejects.");
                }

                if (_scratch.Length < value.Length)
                {
                    _scratch = new byte[Math.Max(value.Length, _scratch.Length * 2)];
                }

                var compact = EmbulkValues.CompactJson(value, _scratch);
                return CsvText.Write(_scratch.AsSpan(0, compact), destination);
            default:
                throw new InvalidOperationException($"Unknown value encoding {_columns[column].Encoding}.");
        }
    }

    private int WriteIntegerBoolean(int column, ReadOnlySpan<byte> value, Span<byte> destination, long rowNumber)
    {
        if (value.SequenceEqual("0"u8))
        {
            return CsvBinary.WriteBoolean(false, destination);
        }

        if (value.SequenceEqual("1"u8))
        {
            return CsvBinary.WriteBoolean(true, destination);
        }

        throw Fail(column, rowNumber, $"value {Describe(value)} is neither 0 nor 1, so it cannot be a BOOL without losing it. Map the column to INT64.");
    }

    private int WriteFromZone(int column, ReadOnlySpan<byte> value, Span<byte> destination, long rowNumber)
    {
        if (!CsvTemporal.TryParseDateTime(value, out var local))
        {
            throw Fail(column, rowNumber, $"DATETIME value '{Describe(value)}' could not be read.");
        }

        DateTime utc;
        try
        {
            utc = _sourceZone!.ToUtc(local);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw Fail(column, rowNumber, $"DATETIME value '{Describe(value)}' in zone {_sourceZone!.ZoneId} falls outside the TIMESTAMP range when converted to UTC.");
        }

        // Zone offsets are whole seconds, so the fractional digits carry over unchanged.
        return CsvTemporal.WriteUtc(utc, value[CsvTemporal.FractionStart..], destination);
    }

    private int ZeroDate(int column, ReadOnlySpan<byte> value, long rowNumber)
    {
        if (_zeroDates == ZeroDatePolicy.Null)
        {
            return 0;
        }

        throw Fail(column, rowNumber, $"zero date '{Describe(value)}' cannot be loaded into BigQuery (zero_dates: fail). Use zero_dates: null to load such values as NULL, or fix the data.");
    }

    private static string Megabytes(long bytes) => $"{bytes / 1048576.0:N1} MB";

    /// <summary>The column holding the longest field of an encoded row, to name in a row-size failure.</summary>
    private string LargestColumn(ReadOnlySpan<byte> line)
    {
        var largest = 0;
        var largestLength = -1;
        var column = 0;
        var start = 0;
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var b = line[i];
            if (b == (byte)'"')
            {
                quoted = !quoted;
            }
            else if (!quoted && (b == (byte)',' || b == (byte)'\n'))
            {
                if (i - start > largestLength)
                {
                    (largest, largestLength) = (column, i - start);
                }

                column++;
                start = i + 1;
            }
        }

        return _columns[Math.Min(largest, _columns.Length - 1)].Name;
    }

    private CsvConversionException Fail(int column, long rowNumber, string problem)
        => new(_table, _columns[column].Name, rowNumber, problem);

    /// <summary>Temporal and numeric values are short ASCII; show them, but never more than a few bytes.</summary>
    private static string Describe(ReadOnlySpan<byte> value)
        => System.Text.Encoding.UTF8.GetString(value[..Math.Min(value.Length, 32)]);
}
