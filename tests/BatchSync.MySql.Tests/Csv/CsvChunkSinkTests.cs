using BatchSync.MySql.Csv;

namespace BatchSync.MySql.Tests.Csv;

public class CsvChunkSinkTests
{
    [Fact]
    public async Task Chunks_are_cut_only_at_row_boundaries_and_keep_every_row_in_order()
    {
        var encoder = new CsvRowEncoder("db.t", [new CsvColumn("id", ValueEncoding.Number), new CsvColumn("s", ValueEncoding.Text)], ZeroDatePolicy.Null);
        var chunks = new List<(byte[] Data, long Rows)>();
        using var sink = new CsvChunkSink(encoder, (chunk, _) =>
        {
            using (chunk)
            {
                chunks.Add((chunk.Data.ToArray(), chunk.Rows));
            }

            return ValueTask.CompletedTask;
        }, chunkSize: 4096);

        var expected = new List<string?[]>();
        for (var i = 0; i < 3000; i++)
        {
            var text = i % 7 == 0 ? null : new string('x', i % 300) + ",\"\n日本";
            expected.Add([i.ToString(System.Globalization.CultureInfo.InvariantCulture), text]);
            sink.WriteRow(RowPayload.Build(RowPayload.Text(expected[^1][0]), RowPayload.Text(text)));
            if (i % 100 == 0)
            {
                await sink.FlushAsync(CancellationToken.None);
            }
        }

        await sink.CompleteAsync(CancellationToken.None);

        Assert.True(chunks.Count > 10);
        Assert.All(chunks, c => Assert.Equal(Rfc4180Reader.Read(c.Data).Count, c.Rows));
        Assert.Equal(expected, chunks.SelectMany(c => Rfc4180Reader.Read(c.Data)));
        Assert.Equal(3000, sink.Rows);
        Assert.Equal(chunks.Sum(c => (long)c.Data.Length), sink.Bytes);
    }
}
