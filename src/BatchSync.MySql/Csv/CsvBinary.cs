using System.Buffers;
using System.Buffers.Text;

namespace BatchSync.MySql.Csv;

/// <summary>Writes binary values: base64 for BYTES, and BIT columns (raw big-endian bytes on the wire) as BOOL or digits.</summary>
internal static class CsvBinary
{
    public static int MaxBase64Length(int valueLength) => Math.Max(2, Base64.GetMaxEncodedToUtf8Length(valueLength));

    public static int WriteBase64(ReadOnlySpan<byte> value, Span<byte> destination)
    {
        if (value.IsEmpty)
        {
            // The closest CSV has to an empty BYTES value; BigQuery may load a quoted empty field of a non-STRING column as NULL.
            destination[0] = (byte)'"';
            destination[1] = (byte)'"';
            return 2;
        }

        var status = Base64.EncodeToUtf8(value, destination, out _, out var written);
        if (status != OperationStatus.Done)
        {
            throw new InvalidOperationException($"Base64 encoding stopped with {status}.");
        }

        return written;
    }

    /// <summary>BIT(n) as an unsigned integer. Returns false if the value has more than 64 bits.</summary>
    public static bool TryReadBits(ReadOnlySpan<byte> value, out ulong bits)
    {
        bits = 0;
        if (value.Length > 8)
        {
            return false;
        }

        foreach (var b in value)
        {
            bits = (bits << 8) | b;
        }

        return true;
    }

    public static int WriteBoolean(bool value, Span<byte> destination)
    {
        ReadOnlySpan<byte> text = value ? "true"u8 : "false"u8;
        text.CopyTo(destination);
        return text.Length;
    }

    public static int WriteUnsigned(ulong value, Span<byte> destination)
    {
        Utf8Formatter.TryFormat(value, destination, out var written);
        return written;
    }
}
