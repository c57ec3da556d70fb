using System.Buffers.Binary;
using System.Globalization;

namespace BatchSync.MySql.Tests.Oracle;

/// <summary>
/// MySQL's internal geometry (a 4-byte SRID, then WKB) as WKT, for the geometry types the test tables hold, so the
/// oracle compares with ST_AsText output without asking the server to format it.
/// </summary>
internal static class WellKnownText
{
    public static string FromMySqlGeometry(byte[] value)
    {
        var reader = new WkbReader(value.AsSpan(4).ToArray());
        return reader.ReadGeometry();
    }

    private sealed class WkbReader(byte[] wkb)
    {
        private int _offset;
        private bool _littleEndian;

        public string ReadGeometry()
        {
            _littleEndian = wkb[_offset++] == 1;
            var type = ReadUInt32();
            return type switch
            {
                1 => "POINT(" + ReadPoint() + ")",
                2 => "LINESTRING(" + ReadPoints() + ")",
                3 => "POLYGON(" + string.Join(',', Enumerable.Range(0, (int)ReadUInt32()).Select(_ => "(" + ReadPoints() + ")")) + ")",
                _ => throw new NotSupportedException($"WKB geometry type {type} is not in the test tables."),
            };
        }

        private string ReadPoints() => string.Join(',', Enumerable.Range(0, (int)ReadUInt32()).Select(_ => ReadPoint()));

        private string ReadPoint() => Number(ReadDouble()) + " " + Number(ReadDouble());

        private uint ReadUInt32()
        {
            var span = wkb.AsSpan(_offset, 4);
            _offset += 4;
            return _littleEndian ? BinaryPrimitives.ReadUInt32LittleEndian(span) : BinaryPrimitives.ReadUInt32BigEndian(span);
        }

        private double ReadDouble()
        {
            var span = wkb.AsSpan(_offset, 8);
            _offset += 8;
            return _littleEndian ? BinaryPrimitives.ReadDoubleLittleEndian(span) : BinaryPrimitives.ReadDoubleBigEndian(span);
        }

        private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
    }
}
