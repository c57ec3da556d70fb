using System.Runtime.ExceptionServices;
using BatchSync.MySql.Connection;
using BatchSync.MySql.Results;

namespace BatchSync.MySql;

/// <summary>
/// The open result of a query: the columns are known, the rows are still on the wire. Read them once with
/// <see cref="ReadRowsAsync"/>. Disposing drains what is left (a large remainder is cut short with KILL QUERY), so the
/// connection can run the next command.
/// </summary>
public sealed class MySqlResultReader : IAsyncDisposable
{
    /// <summary>Up to this much unread data is simply read and dropped; beyond it killing the query is cheaper.</summary>
    private const long DrainPatienceBytes = 4L << 20;

    private const int QueryInterruptedError = 1317;

    private readonly MySqlConnection _connection;
    private readonly TextRowStreamer _streamer;
    private ResultEnd? _end;
    private bool _rowsRead;
    private bool _disposed;
    private Task? _kill;

    internal MySqlResultReader(MySqlConnection connection, IReadOnlyList<MySqlColumn> columns, long affectedRows, ResultEnd? end)
    {
        _connection = connection;
        _streamer = new TextRowStreamer(connection.Channel, connection.Session.DeprecateEof);
        Columns = columns;
        AffectedRows = affectedRows;
        _end = end;
    }

    public IReadOnlyList<MySqlColumn> Columns { get; }

    /// <summary>Rows changed by a statement without a result set.</summary>
    internal long AffectedRows { get; }

    /// <summary>
    /// Streams every row into <paramref name="sink"/> and returns the row count. Cancelling kills the query on the
    /// server (from a second connection), waits for the server to stop, and then throws <see cref="OperationCanceledException"/>.
    /// </summary>
    public async Task<long> ReadRowsAsync(ITextRowSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_rowsRead)
        {
            throw new InvalidOperationException("The rows of this result were already read.");
        }

        _rowsRead = true;
        cancellationToken.ThrowIfCancellationRequested();
        if (_end is null)
        {
            await StreamRowsAsync(sink, cancellationToken);
        }

        await SkipRemainingResultsAsync();
        return _streamer.RowCount;
    }

    private async Task StreamRowsAsync(ITextRowSink sink, CancellationToken cancellationToken)
    {
        var guarded = new GuardedSink(sink, StartKill, cancellationToken);
        var interrupted = false;
        using (cancellationToken.UnsafeRegister(static state => ((MySqlResultReader)state!).StartKill(), this))
        {
            try
            {
                _end = await _connection.RunAsync(() => _streamer.StreamAsync(guarded, cancellationToken), "reading rows from", CancellationToken.None);
            }
            catch (MySqlServerException) when (_kill is not null)
            {
                interrupted = true;
            }
            catch (MySqlException) when (cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException("Reading rows was cancelled; the connection was closed because the query could not be killed.", cancellationToken);
            }
            catch (MySqlServerException)
            {
                _end = ResultEnd.ByError;
                throw;
            }
        }

        if (_kill is not null)
        {
            _end ??= ResultEnd.ByError;
            await SettleKillAsync(interrupted);
            if (guarded.Failure is { } failure)
            {
                ExceptionDispatchInfo.Throw(failure);
            }

            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private async Task SkipRemainingResultsAsync()
    {
        while (_end is { MoreResultsExist: true })
        {
            var head = await _connection.RunAsync(() => _connection.ReadResultHeadAsync(CancellationToken.None), "reading results from", CancellationToken.None);
            _end = head.End ?? await _connection.RunAsync(
                () => _streamer.StreamAsync(new DiscardingSink(long.MaxValue, static () => { }), CancellationToken.None),
                "reading results from",
                CancellationToken.None);
        }

        _connection.ReleaseReader(this);
    }

    private void StartKill()
    {
        _kill ??= Task.Run(async () =>
        {
            try
            {
                await QueryKiller.KillQueryAsync(_connection.Options, _connection.ConnectionId);
            }
            catch
            {
                // Without a kill the server would keep sending; closing the socket is the only way to stop it.
                _connection.Abort();
                throw;
            }
        });
    }

    /// <summary>
    /// After a kill: wait for it, and if the result ended on its own first, absorb the kill that may now be pending for
    /// the session so it cannot interrupt the next statement.
    /// </summary>
    private async Task SettleKillAsync(bool interrupted)
    {
        try
        {
            await _kill!;
        }
        catch (Exception e) when (e is MySqlException or OperationCanceledException)
        {
            return;
        }

        _kill = null;
        if (!interrupted)
        {
            try
            {
                await _connection.RunAsync(() => _connection.SendQueryAsync("DO SLEEP(0)", CancellationToken.None), "resetting the session on", CancellationToken.None);
            }
            catch (MySqlServerException e) when (e.ErrorCode == QueryInterruptedError)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            if (_end is null)
            {
                await DrainAsync();
            }

            await SkipRemainingResultsAsync();
        }
        catch (MySqlException)
        {
            // Disposal must not throw; a connection that could not be brought back to idle is unusable.
            _connection.MarkBroken();
        }
        finally
        {
            _streamer.Dispose();
            _connection.ReleaseReader(this);
        }
    }

    private async Task DrainAsync()
    {
        var interrupted = false;
        try
        {
            _end = await _connection.RunAsync(
                () => _streamer.StreamAsync(new DiscardingSink(DrainPatienceBytes, StartKill), CancellationToken.None),
                "discarding rows from",
                CancellationToken.None);
        }
        catch (MySqlServerException)
        {
            // Either the kill or a genuine error ended the result; both leave the connection idle.
            interrupted = _kill is not null;
            _end = ResultEnd.ByError;
        }

        if (_kill is not null)
        {
            await SettleKillAsync(interrupted);
        }
    }
}
