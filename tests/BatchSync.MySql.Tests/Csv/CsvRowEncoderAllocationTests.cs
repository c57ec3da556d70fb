using BatchSync.MySql.Csv;

namespace BatchSync.MySql.Tests.Csv;

public class CsvRowEncoderAllocationTests
{
    [Fact]
    public void Encoding_rows_allocates_nothing_per_value()
    {
        var encoder = new CsvRowEncoder("db.t",
        [
            new("id", ValueEncoding.Number), new("s", ValueEncoding.Text), new("q", ValueEncoding.Text), new("b", ValueEncoding.Base64),
            new("bit", ValueEncoding.BitInteger), new("d", ValueEncoding.Date), new("dt", ValueEncoding.DateTime), new("ts", ValueEncoding.Timestamp),
            new("tm", ValueEncoding.TimeOfDay), new("flag", ValueEncoding.BitBoolean), new("z", ValueEncoding.Date),
        ], ZeroDatePolicy.Null);
        var row = RowPayload.Build(RowPayload.Text("12345"), RowPayload.Text("plain text"), RowPayload.Text("needs \"quotes\", and\nnewline 日本"),
            [1, 2, 3, 4, 5], [0x01, 0x02], RowPayload.Text("2024-01-01"), RowPayload.Text("2024-01-01 10:00:00.5"),
            RowPayload.Text("2024-01-01 10:00:00"), RowPayload.Text("10:00:00"), [1], RowPayload.Text("0000-00-00"));
        var buffer = new byte[encoder.MaxEncodedLength(row.Length)];
        for (var i = 0; i < 1000; i++)
        {
            encoder.Encode(row, buffer, i);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            encoder.Encode(row, buffer, i);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
