using System.Text;
using BatchSync.MySql.Csv;

namespace BatchSync.MySql.Tests.Csv;

/// <summary>
/// The <c>types: embulk</c> encodings: values as MySQL Connector/J handed them to embulk and embulk-output-bigquery
/// wrote them (facts from embulk-input-jdbc's column getters and embulk-output-bigquery's value converters).
/// </summary>
public sealed class EmbulkEncodingTests
{
    private static readonly SourceZoneConverter Tokyo = new(TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));

    private static string Encode(ValueEncoding encoding, string? value, ZeroDatePolicy zeroDates = ZeroDatePolicy.Null)
    {
        var encoder = new CsvRowEncoder("db.t", [new CsvColumn("c", encoding)], zeroDates, Tokyo);
        var row = RowPayload.Build(RowPayload.Text(value));
        var buffer = new byte[encoder.MaxEncodedLength(row.Length)];
        return Encoding.UTF8.GetString(buffer, 0, encoder.Encode(row, buffer, 1)).TrimEnd('\n');
    }

    [Theory]
    [InlineData("1", "true")]
    [InlineData("0", "false")]
    [InlineData("5", "true")]
    [InlineData("-1", "true")]
    [InlineData("-2", "false")]
    [InlineData("18446744073709551615", "true")]
    public void Integers_read_as_booleans_follow_jdbc_getBoolean(string value, string expected)
        => Assert.Equal(expected, Encode(ValueEncoding.JdbcBoolean, value));

    [Theory]
    [InlineData("0.1", 0.10000000149011612)]
    [InlineData("3.14159", 3.141590118408203)]
    [InlineData("-2.5", -2.5)]
    [InlineData("1e20", 100000002004087734272.0)]
    public void Float_is_the_32_bit_value_widened_to_a_double(string value, double widened)
        => Assert.Equal(widened, double.Parse(Encode(ValueEncoding.SingleFloat, value), System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData(ValueEncoding.DateFromZone, "2026-11-21", "2026-11-20 15:00:00+00:00")]
    [InlineData(ValueEncoding.TimeFromZone, "12:34:56.789", "1970-01-01 03:34:56+00:00")]
    [InlineData(ValueEncoding.YearFromZone, "2024", "2023-12-31 15:00:00+00:00")]
    [InlineData(ValueEncoding.DateTimeFromZone, "2026-11-21 09:15:30.5", "2026-11-21 00:15:30.5+00:00")]
    public void Temporal_values_become_the_instant_the_driver_made_in_the_source_zone(ValueEncoding encoding, string value, string expected)
        => Assert.Equal(expected, Encode(encoding, value));

    [Theory]
    [InlineData(ValueEncoding.DateFromZone, "0000-00-00")]
    [InlineData(ValueEncoding.YearFromZone, "0000")]
    public void Zero_dates_and_years_are_null_as_convertToNull_made_them(ValueEncoding encoding, string value)
        => Assert.Equal("", Encode(encoding, value));

    [Fact]
    public void A_time_outside_a_day_fails_with_what_to_do()
    {
        var error = Assert.Throws<CsvConversionException>(() => Encode(ValueEncoding.TimeFromZone, "25:00:00"));
        Assert.Contains("STRING", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"a\": 1, \"b\": [1, 2]}", "\"{\"\"a\"\":1,\"\"b\"\":[1,2]}\"")]
    [InlineData("{\"k\": \"x, y: \\\" z\"}", "\"{\"\"k\"\":\"\"x, y: \\\"\" z\"\"}\"")]
    [InlineData("[]", "[]")]
    public void Mysql_json_is_written_compactly_with_strings_untouched(string value, string csv)
        => Assert.Equal(csv, Encode(ValueEncoding.CompactJson, value));
}
