using System.Text;

namespace BatchSync.MySql.Results;

/// <summary>Collects a small result as UTF-8 strings (null for SQL NULL) for <see cref="MySqlConnection.QueryAsync"/>.</summary>
internal sealed class StringRowCollector(int columnCount) : ITextRowSink
{
    public List<string?[]> Rows { get; } = [];

    public void WriteRow(ReadOnlySpan<byte> row)
    {
        var reader = new TextRowReader(row);
        var values = new string?[columnCount];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = reader.ReadField(out var value) ? Encoding.UTF8.GetString(value) : null;
        }

        Rows.Add(values);
    }

    public ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
