using BatchSync.MySql.Connection;
using BatchSync.MySql.Protocol;
using BatchSync.MySql.Protocol.Payloads;
using BatchSync.MySql.Results;
using BatchSync.MySql.Transport;

namespace BatchSync.MySql;

/// <summary>
/// One session with a MySQL or MariaDB server over the classic protocol, built for streaming large text results.
/// Not thread-safe: one command (or one open <see cref="MySqlResultReader"/>) at a time.
/// </summary>
public sealed class MySqlConnection : IAsyncDisposable
{
    private readonly PacketChannel _channel;
    private readonly ServerSession _session;
    private MySqlResultReader? _activeReader;
    private bool _broken;
    private bool _disposed;

    private MySqlConnection(MySqlConnectionOptions options, PacketChannel channel, ServerSession session)
    {
        Options = options;
        _channel = channel;
        _session = session;
    }

    /// <summary>The server's version string, without MariaDB's "5.5.5-" replication prefix.</summary>
    public string ServerVersion => _session.ServerVersion;

    public bool IsMariaDb => _session.IsMariaDb;

    /// <summary>MySQL (not MariaDB) 8.0 or later, Aurora MySQL 3 included.</summary>
    public bool IsMySql8 => _session.IsMySql8;

    /// <summary>The server's thread id for this session (what KILL takes).</summary>
    public uint ConnectionId => _session.ConnectionId;

    public bool IsEncrypted => _channel.Handler.IsEncrypted;

    /// <summary>False once the connection failed (a transport error, a query that could not be stopped) or was closed: open a new one.</summary>
    public bool IsUsable => !_broken && !_disposed;

    internal MySqlConnectionOptions Options { get; }

    internal PacketChannel Channel => _channel;

    internal ServerSession Session => _session;

    public static async Task<MySqlConnection> OpenAsync(MySqlConnectionOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        PacketChannel channel;
        ServerSession session;
        try
        {
            (channel, session) = await SessionEstablisher.EstablishAsync(options, cancellationToken);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw ConnectionFailure.ConnectTimeout(options, e);
        }
        catch (Exception e) when (ConnectionFailure.IsTransportFailure(e))
        {
            throw ConnectionFailure.Describe(e, options, "connecting to");
        }

        var connection = new MySqlConnection(options, channel, session);
        try
        {
            await connection.PrepareSessionAsync(cancellationToken);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        return connection;
    }

    /// <summary>
    /// Brings the session back to how <see cref="OpenAsync"/> left it, without logging in again: COM_RESET_CONNECTION
    /// (rolls back, drops temporary tables, user variables and prepared statements, resets session variables), then
    /// the session settings again. Servers without the command (before MySQL 5.7 / MariaDB 10.2.4) answer with an error.
    /// </summary>
    public async Task ResetAsync(CancellationToken cancellationToken)
    {
        EnsureUsable();
        await RunAsync(
            async () =>
            {
                _channel.StartExchange();
                await _channel.WritePacketAsync(new[] { (byte)CommandCode.ResetConnection }, cancellationToken);
                return await ReadResultHeadAsync(cancellationToken);
            },
            "resetting the session on",
            cancellationToken);
        await PrepareSessionAsync(cancellationToken);
    }

    /// <summary>Runs statements that return no rows (any rows are discarded) and returns the affected row count.</summary>
    public async Task<long> ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var reader = await ExecuteReaderAsync(sql, cancellationToken);
        if (reader.Columns.Count > 0)
        {
            await reader.ReadRowsAsync(new DiscardingSink(long.MaxValue, static () => { }), cancellationToken);
        }

        return reader.AffectedRows;
    }

    /// <summary>Runs a query with a small result and returns its rows as UTF-8 strings (null for SQL NULL).</summary>
    public async Task<IReadOnlyList<string?[]>> QueryAsync(string sql, CancellationToken cancellationToken)
    {
        await using var reader = await ExecuteReaderAsync(sql, cancellationToken);
        var collector = new StringRowCollector(reader.Columns.Count);
        await reader.ReadRowsAsync(collector, cancellationToken);
        return collector.Rows;
    }

    /// <summary>Sends the query and reads the column definitions; rows stay on the wire until <see cref="MySqlResultReader.ReadRowsAsync"/>.</summary>
    /// <remarks>
    /// Cancelling while the server is still working on the first packet kills the query from a second connection,
    /// waits for the server to stop, and throws <see cref="OperationCanceledException"/>; the connection stays usable.
    /// </remarks>
    public async Task<MySqlResultReader> ExecuteReaderAsync(string sql, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sql);
        EnsureUsable();
        cancellationToken.ThrowIfCancellationRequested();
        var cancellation = new QueryCancellation(this);
        MySqlResultReader reader;
        using (cancellation.StartWhenCancelled(cancellationToken))
        {
            try
            {
                reader = await RunAsync(() => StartQueryAsync(sql, CancellationToken.None), "running a query on", CancellationToken.None);
            }
            catch (MySqlServerException) when (cancellation.Started)
            {
                await cancellation.SettleAsync(interrupted: true);
                throw new OperationCanceledException("The query was cancelled.", cancellationToken);
            }
            catch (MySqlException) when (cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException("The query was cancelled; the connection was closed because the query could not be killed.", cancellationToken);
            }
        }

        _activeReader = reader;
        if (cancellation.Started)
        {
            // The result began before the kill landed: drop it, absorb the kill, and report the cancellation.
            await reader.DisposeAsync();
            await cancellation.SettleAsync(interrupted: false);
            throw new OperationCanceledException("The query was cancelled.", cancellationToken);
        }

        return reader;
    }

    private async Task<MySqlResultReader> StartQueryAsync(string sql, CancellationToken cancellationToken)
    {
        _channel.StartExchange();
        await _channel.WritePacketAsync(QueryCommand.Create(sql), cancellationToken);
        var head = await ReadResultHeadAsync(cancellationToken);
        return new MySqlResultReader(this, head.Columns, head.AffectedRows, head.End);
    }

    /// <summary>Reads the first packets of a response: an OK (no rows), an ERR, or the column definitions.</summary>
    internal async Task<ResultHead> ReadResultHeadAsync(CancellationToken cancellationToken)
    {
        var first = await _channel.ReadPacketAsync(cancellationToken);
        switch (first.Length > 0 ? first[0] : (byte)0)
        {
            case OkPayload.Header:
                var ok = OkPayload.Parse(first);
                return new ResultHead([], (long)ok.AffectedRows, new ResultEnd(ok.Status, ok.Warnings));
            case ErrorPayload.Header:
                throw ErrorPayload.Parse(first).ToException();
            case 0xfb:
                throw new MySqlException("The server asked to read a local file (LOAD DATA LOCAL INFILE), which this client does not allow.");
        }

        var columns = new MySqlColumn[ColumnCountPayload.Parse(first)];
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = ColumnDefinitionPayload.Parse(await _channel.ReadPacketAsync(cancellationToken), _session.HasExtendedTypeInfo);
        }

        if (!_session.DeprecateEof)
        {
            var eof = await _channel.ReadPacketAsync(cancellationToken);
            if (!EofPayload.IsEof(eof))
            {
                throw new InvalidDataException("Expected an EOF packet after the column definitions.");
            }
        }

        return new ResultHead(columns, 0, null);
    }

    /// <summary>Runs a connection operation, turning transport failures into clear errors and marking the session unusable.</summary>
    internal async Task<T> RunAsync<T>(Func<Task<T>> operation, string activity, CancellationToken cancellationToken)
    {
        try
        {
            return await operation();
        }
        catch (MySqlServerException)
        {
            throw;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _broken = true;
            throw;
        }
        catch (ReadTimeoutException e)
        {
            _broken = true;
            var killed = Options.KillOnReadTimeout && await TryKillAbandonedSessionAsync();
            throw ConnectionFailure.Describe(e, Options, activity, killed);
        }
        catch (Exception e) when (ConnectionFailure.IsTransportFailure(e))
        {
            _broken = true;
            throw ConnectionFailure.Describe(e, Options, activity);
        }
        catch (MySqlException)
        {
            _broken = true;
            throw;
        }
    }

    /// <summary>
    /// A silent server may still be running our query; a retry would start a second scan beside it. Kill the session
    /// (best effort) before the failure is reported.
    /// </summary>
    private async Task<bool> TryKillAbandonedSessionAsync()
    {
        try
        {
            await QueryKiller.KillConnectionAsync(Options, ConnectionId);
            return true;
        }
        catch (Exception e) when (e is MySqlException or OperationCanceledException or ArgumentException)
        {
            return false;
        }
    }

    internal void MarkBroken() => _broken = true;

    /// <summary>Closes the socket under a pending read, the last resort when a running query cannot be killed.</summary>
    internal void Abort()
    {
        _broken = true;
        _ = _channel.Handler.DisposeAsync().AsTask();
    }

    /// <summary>Sends a statement and reads its OK, for internal housekeeping while a reader is still attached.</summary>
    internal async Task<ResultHead> SendQueryAsync(string sql, CancellationToken cancellationToken)
    {
        _channel.StartExchange();
        await _channel.WritePacketAsync(QueryCommand.Create(sql), cancellationToken);
        return await ReadResultHeadAsync(cancellationToken);
    }

    internal void ReleaseReader(MySqlResultReader reader)
    {
        if (ReferenceEquals(_activeReader, reader))
        {
            _activeReader = null;
        }
    }

    private void EnsureUsable()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_broken)
        {
            throw new MySqlException($"The connection to {Options.Endpoint} failed earlier and cannot be used; open a new one.");
        }

        if (_activeReader is not null)
        {
            throw new InvalidOperationException("A result reader is still open on this connection; dispose it before the next command.");
        }
    }

    private async Task PrepareSessionAsync(CancellationToken cancellationToken)
    {
        await ExecuteAsync(SessionSettings.Statement(_session), cancellationToken);
        if (Options.ReadOnlySession)
        {
            await ExecuteAsync("SET SESSION TRANSACTION READ ONLY", cancellationToken);
        }
    }

    /// <summary>Sends COM_QUIT (best effort) and closes the socket.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        if (_activeReader is { } reader)
        {
            await reader.DisposeAsync();
        }

        _disposed = true;
        if (!_broken)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                _channel.StartExchange();
                await _channel.WritePacketAsync(new[] { (byte)CommandCode.Quit }, timeout.Token);
            }
            catch (Exception e) when (ConnectionFailure.IsTransportFailure(e) || e is OperationCanceledException)
            {
                // The server may already be gone; closing the socket is all that is left to do.
            }
        }

        await _channel.DisposeAsync();
    }
}
