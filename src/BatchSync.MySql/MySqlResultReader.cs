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

    private readonly MySqlConnection _connection;
    private readonly TextRowStreamer _streamer;
    private ResultEnd? _end;
    private bool _rowsRead;
    private bool _disposed;
    private QueryCancellation _cancellation;

    internal MySqlResultReader(MySqlConnection connection, IReadOnlyList<MySqlColumn> columns, long affectedRows, ResultEnd? end)
    {
        _connection = connection;
        _streamer = new TextRowStreamer(connection.Channel, connection.Session.DeprecateEof);
        _cancellation = new QueryCancellation(connection);
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
        var guarded = new GuardedSink(sink, _cancellation.Start, cancellationToken);
        var interrupted = false;
        using (_cancellation.StartWhenCancelled(cancellationToken))
        {
            try
            {
                _end = await _connection.RunAsync(() => _streamer.StreamAsync(guarded, cancellationToken), "reading rows from", CancellationToken.None);
            }
            catch (MySqlServerException) when (_cancellation.Started)
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

        if (_cancellation.Started)
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

    /// <summary>Reads and drops the result sets that follow the first (a stored procedure's, for example).</summary>
    private async Task SkipRemainingResultsAsync()
    {
        try
        {
            while (_end is { MoreResultsExist: true })
            {
                var head = await _connection.RunAsync(() => _connection.ReadResultHeadAsync(CancellationToken.None), "reading results from", CancellationToken.None);
                _end = head.End ?? await _connection.RunAsync(
                    () => _streamer.StreamAsync(new DiscardingSink(long.MaxValue, static () => { }), CancellationToken.None),
                    "reading results from",
                    CancellationToken.None);
            }
        }
        catch (MySqlServerException)
        {
            // An error packet ends the whole response; nothing else follows it.
            _end = ResultEnd.ByError;
            throw;
        }

        _connection.ReleaseReader(this);
    }

    /// <summary>Settles a kill and arms a fresh one, so a later drain can still cut the result short.</summary>
    private async Task SettleKillAsync(bool interrupted)
    {
        await _cancellation.SettleAsync(interrupted);
        _cancellation = new QueryCancellation(_connection);
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
                () => _streamer.StreamAsync(new DiscardingSink(DrainPatienceBytes, _cancellation.Start), CancellationToken.None),
                "discarding rows from",
                CancellationToken.None);
        }
        catch (MySqlServerException)
        {
            // Either the kill or a genuine error ended the result; both leave the connection idle.
            interrupted = _cancellation.Started;
            _end = ResultEnd.ByError;
        }

        if (_cancellation.Started)
        {
            await SettleKillAsync(interrupted);
        }
    }
}
