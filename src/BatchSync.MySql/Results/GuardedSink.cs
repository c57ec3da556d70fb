namespace BatchSync.MySql.Results;

/// <summary>
/// Stands between the row stream and the caller's sink. When the caller cancels or the sink throws, it stops
/// forwarding, remembers the failure and calls <paramref name="onStop"/> once (which kills the query); the stream is
/// then drained to its end so the connection stays usable, and the failure is rethrown afterwards.
/// </summary>
internal sealed class GuardedSink(ITextRowSink inner, Action onStop, CancellationToken cancellationToken) : ITextRowSink
{
    private bool _stopped;

    public Exception? Failure { get; private set; }

    public void WriteRow(ReadOnlySpan<byte> row)
    {
        if (_stopped || cancellationToken.IsCancellationRequested)
        {
            Stop(null);
            return;
        }

        try
        {
            inner.WriteRow(row);
        }
        catch (Exception e)
        {
            Stop(e);
        }
    }

    public async ValueTask FlushAsync(CancellationToken flushCancellation)
    {
        if (_stopped || cancellationToken.IsCancellationRequested)
        {
            Stop(null);
            return;
        }

        try
        {
            await inner.FlushAsync(flushCancellation);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Stop(null);
        }
        catch (Exception e)
        {
            Stop(e);
        }
    }

    private void Stop(Exception? failure)
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        Failure = failure;
        onStop();
    }
}
