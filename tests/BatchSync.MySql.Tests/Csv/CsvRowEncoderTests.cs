using System.Text;
using BatchSync.MySql.Csv;

namespace BatchSync.MySql.Tests.Csv;

public class CsvRowEncoderTests
{
    private static readonly string[] NastyTexts =
    [
        "", "plain", "a,b", "say \"hi\"", "\"", "line\nbreak", "cr\rlf\r\n", "\ttab", " leading", "trailing ", " ",
        "bell\u0007", "nul\0inside", "del\u007f", "日本語テキスト", "emoji 😀🎉", "mixed, \"quoted\"\n日本 😀 ",
    ];

    [Fact]
    public void Text_values_read_back_exactly_and_null_stays_distinct_from_empty()
    {
        var columns = NastyTexts.Select((_, i) => new CsvColumn($"c{i}", ValueEncoding.Text)).Append(new CsvColumn("n", ValueEncoding.Text)).ToList();
        var encoder = new CsvRowEncoder("db.t", columns, ZeroDatePolicy.Null);

        var line = Encode(encoder, [.. NastyTexts.Select(RowPayload.Text), null]);

        var record = Assert.Single(Rfc4180Reader.Read(line));
        Assert.Equal<string?>([.. NastyTexts, null], record.AsEnumerable());
    }

    [Fact]
    public void Values_with_leading_or_trailing_spaces_or_control_characters_are_quoted()
    {
        var encoder = new CsvRowEncoder("db.t", [new CsvColumn("a", ValueEncoding.Text)], ZeroDatePolicy.Null);
        foreach (var value in new[] { " x", "x ", "a\u0001b", "a\tb" })
        {
            var line = Encoding.UTF8.GetString(Encode(encoder, [RowPayload.Text(value)]));
            Assert.StartsWith("\"", line, StringComparison.Ordinal);
        }

        Assert.Equal("simple\n", Encoding.UTF8.GetString(Encode(encoder, [RowPayload.Text("simple")])));
    }

    [Fact]
    public void Invalid_utf8_fails_naming_table_column_and_row()
    {
        var encoder = new CsvRowEncoder("shop.users", [new CsvColumn("id", ValueEncoding.Number), new CsvColumn("name", ValueEncoding.Text)], ZeroDatePolicy.Null);
        var row = RowPayload.Build(RowPayload.Text("1"), [0x61, 0xff, 0x62]);

        var error = Assert.Throws<CsvConversionException>(() => encoder.Encode(row, new byte[encoder.MaxEncodedLength(row.Length)], 42));

        Assert.Equal(("shop.users", "name", 42L), (error.Table, error.Column, error.Row));
        Assert.Contains("UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_are_base64_of_every_byte_value()
    {
        var all = Enumerable.Range(0, 256).Select(b => (byte)b).ToArray();
        var encoder = new CsvRowEncoder("db.t", [new CsvColumn("b", ValueEncoding.Base64), new CsvColumn("e", ValueEncoding.Base64)], ZeroDatePolicy.Null);

        var record = Assert.Single(Rfc4180Reader.Read(Encode(encoder, [all, null])));

        Assert.Equal(all, Convert.FromBase64String(record[0]!));
        Assert.Null(record[1]);
    }

    [Theory]
    [InlineData(new byte[] { 0x01 }, ValueEncoding.BitBoolean, "true")]
    [InlineData(new byte[] { 0x00 }, ValueEncoding.BitBoolean, "false")]
    [InlineData(new byte[] { 0x01, 0x00 }, ValueEncoding.BitInteger, "256")]
    [InlineData(new byte[] { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff }, ValueEncoding.BitInteger, "18446744073709551615")]
    [InlineData(new byte[] { 0x00 }, ValueEncoding.BitInteger, "0")]
    public void Bit_values_arrive_as_raw_big_endian_bytes(byte[] raw, ValueEncoding encoding, string expected)
    {
        var encoder = new CsvRowEncoder("db.t", [new CsvColumn("b", encoding)], ZeroDatePolicy.Null);

        Assert.Equal(expected + "\n", Encoding.UTF8.GetString(Encode(encoder, [raw])));
    }

    [Theory]
    [InlineData("0000-00-00")]
    [InlineData("2020-00-10")]
    [InlineData("2020-05-00")]
    [InlineData("0000-01-01")]
    public void Zero_dates_become_null_or_fail_by_policy(string value)
    {
        var columns = new[] { new CsvColumn("d", ValueEncoding.Date), new CsvColumn("dt", ValueEncoding.DateTime), new CsvColumn("ts", ValueEncoding.Timestamp) };
        var nulls = new CsvRowEncoder("db.t", columns, ZeroDatePolicy.Null);
        var strict = new CsvRowEncoder("db.t", columns, ZeroDatePolicy.Fail);
        var row = RowPayload.Build(RowPayload.Text(value), RowPayload.Text(value + " 00:00:00"), RowPayload.Text(value + " 10:11:12.5"));

        Assert.Equal(",,\n", Encoding.UTF8.GetString(Encode(nulls, row)));
        var error = Assert.Throws<CsvConversionException>(() => strict.Encode(row, new byte[strict.MaxEncodedLength(row.Length)], 7));
        Assert.Equal(("d", 7L), (error.Column, error.Row));
        Assert.Contains("zero_dates", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dates_datetimes_and_timestamps_keep_their_digits_and_timestamps_say_utc()
    {
        var encoder = new CsvRowEncoder("db.t", [new("d", ValueEncoding.Date), new("dt", ValueEncoding.DateTime), new("ts", ValueEncoding.Timestamp)], ZeroDatePolicy.Fail);

        var line = Encode(encoder, [RowPayload.Text("2024-02-29"), RowPayload.Text("2024-02-29 23:59:59.999999"), RowPayload.Text("1970-01-01 00:00:01.5")]);

        Assert.Equal("2024-02-29,2024-02-29 23:59:59.999999,1970-01-01 00:00:01.5+00:00\n", Encoding.UTF8.GetString(line));
    }

    [Theory]
    [InlineData("00:00:00", true)]
    [InlineData("23:59:59.999999", true)]
    [InlineData("24:00:00", false)]
    [InlineData("-00:00:01", false)]
    [InlineData("838:59:59", false)]
    public void Time_outside_a_day_fails_clearly(string value, bool fits)
    {
        var encoder = new CsvRowEncoder("db.t", [new CsvColumn("t", ValueEncoding.TimeOfDay)], ZeroDatePolicy.Null);
        var row = RowPayload.Build(RowPayload.Text(value));
        if (fits)
        {
            Assert.Equal(value + "\n", Encoding.UTF8.GetString(Encode(encoder, row)));
        }
        else
        {
            var error = Assert.Throws<CsvConversionException>(() => encoder.Encode(row, new byte[encoder.MaxEncodedLength(row.Length)], 1));
            Assert.Contains("STRING", error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("2024-07-01 12:00:00.123", "2024-07-01 16:00:00.123+00:00")] // EDT, UTC-4
    [InlineData("2024-01-15 08:30:00", "2024-01-15 13:30:00+00:00")] // EST, UTC-5
    [InlineData("2024-03-10 02:30:00", "2024-03-10 07:30:00+00:00")] // skipped hour: shifted forward by the gap
    [InlineData("2024-11-03 01:30:00", "2024-11-03 05:30:00+00:00")] // repeated hour: the earlier instant (EDT)
    [InlineData("2024-12-31 22:00:00", "2025-01-01 03:00:00+00:00")]
    public void Datetimes_convert_from_the_source_zone_around_dst_changes(string local, string expected)
    {
        var zone = new SourceZoneConverter(TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));
        var encoder = new CsvRowEncoder("db.t", [new CsvColumn("dt", ValueEncoding.DateTimeFromZone)], ZeroDatePolicy.Null, zone);

        Assert.Equal(expected + "\n", Encoding.UTF8.GetString(Encode(encoder, [RowPayload.Text(local)])));
    }

    [Theory]
    [InlineData("0", "false")]
    [InlineData("1", "true")]
    public void Integer_booleans_accept_only_zero_and_one(string value, string expected)
    {
        var encoder = new CsvRowEncoder("db.t", [new CsvColumn("flag", ValueEncoding.IntegerBoolean)], ZeroDatePolicy.Null);
        Assert.Equal(expected + "\n", Encoding.UTF8.GetString(Encode(encoder, [RowPayload.Text(value)])));

        var two = RowPayload.Build(RowPayload.Text("2"));
        var error = Assert.Throws<CsvConversionException>(() => encoder.Encode(two, new byte[encoder.MaxEncodedLength(two.Length)], 3));
        Assert.Contains("INT64", error.Message, StringComparison.Ordinal);
    }

    private static byte[] Encode(CsvRowEncoder encoder, byte[]?[] values) => Encode(encoder, RowPayload.Build(values));

    private static byte[] Encode(CsvRowEncoder encoder, byte[] row)
    {
        var buffer = new byte[encoder.MaxEncodedLength(row.Length)];
        var written = encoder.Encode(row, buffer, 1);
        return buffer[..written];
    }
}
