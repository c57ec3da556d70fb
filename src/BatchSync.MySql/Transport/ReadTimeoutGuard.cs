namespace BatchSync.MySql.Transport;

/// <summary>
/// Bounds every network read by the read timeout (time without any byte from the server). The common case, a read
/// the caller cannot cancel, reuses one timer source instead of allocating a linked source per read.
/// </summary>
internal sealed class ReadTimeoutGuard(TimeSpan timeout) : IDisposable
{
    private CancellationTokenSource _timer = new();

    public TimeSpan Timeout { get; } = timeout;

    public async ValueTask<int> RunAsync(IByteHandler handler, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        if (cancellationToken.CanBeCanceled)
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            linked.CancelAfter(Timeout);
            try
            {
                return await handler.ReadAsync(buffer, linked.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new ReadTimeoutException();
            }
        }

        _timer.CancelAfter(Timeout);
        try
        {
            return await handler.ReadAsync(buffer, _timer.Token);
        }
        catch (OperationCanceledException)
        {
            throw new ReadTimeoutException();
        }
        finally
        {
            if (!_timer.TryReset())
            {
                _timer.Dispose();
                _timer = new CancellationTokenSource();
            }
        }
    }

    public void Dispose() => _timer.Dispose();
}
