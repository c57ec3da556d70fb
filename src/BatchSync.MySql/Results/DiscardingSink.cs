namespace BatchSync.MySql.Results;

/// <summary>
/// Swallows rows while a result is drained. After <paramref name="patienceBytes"/> it calls
/// <paramref name="onPatienceExhausted"/> once, so a large remainder is cut short (KILL QUERY) instead of read to the end.
/// </summary>
internal sealed class DiscardingSink(long patienceBytes, Action onPatienceExhausted) : ITextRowSink
{
    private long _bytes;
    private bool _exhausted;

    public void WriteRow(ReadOnlySpan<byte> row) => _bytes += row.Length;

    public ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        if (!_exhausted && _bytes > patienceBytes)
        {
            _exhausted = true;
            onPatienceExhausted();
        }

        return ValueTask.CompletedTask;
    }
}
