using BatchSync.MySql.Results;

namespace BatchSync.MySql.Tests.Connection;

/// <summary>Keeps a copy of every row payload, and counts flushes.</summary>
internal sealed class RecordingSink : ITextRowSink
{
    public List<byte[]> Rows { get; } = [];

    public int Flushes { get; private set; }

    public void WriteRow(ReadOnlySpan<byte> row) => Rows.Add(row.ToArray());

    public ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        Flushes++;
        return ValueTask.CompletedTask;
    }

    /// <summary>Field values of one row as byte arrays, null for SQL NULL.</summary>
    public static byte[]?[] Fields(byte[] row, int columns)
    {
        var reader = new TextRowReader(row);
        var values = new byte[]?[columns];
        for (var i = 0; i < columns; i++)
        {
            values[i] = reader.ReadField(out var value) ? value.ToArray() : null;
        }

        return values;
    }
}
