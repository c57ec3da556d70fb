namespace BatchSync.MySql.Connection;

/// <summary>
/// Stops the statement running on a connection by sending KILL QUERY from a second connection, at most once, and
/// afterwards makes sure a kill that arrived too late cannot interrupt the next statement.
/// </summary>
internal sealed class QueryCancellation(MySqlConnection connection)
{
    private const int QueryInterruptedError = 1317;

    private readonly Lock _lock = new();
    private Task? _kill;

    public bool Started
    {
        get
        {
            lock (_lock)
            {
                return _kill is not null;
            }
        }
    }

    /// <summary>Starts the kill when <paramref name="cancellationToken"/> is cancelled.</summary>
    public CancellationTokenRegistration StartWhenCancelled(CancellationToken cancellationToken)
        => cancellationToken.UnsafeRegister(static state => ((QueryCancellation)state!).Start(), this);

    /// <summary>Starts the kill (once); safe from the reading thread and from cancellation callbacks.</summary>
    public void Start()
    {
        lock (_lock)
        {
            _kill ??= KillAsync();
        }
    }

    /// <summary>
    /// Waits for the kill. If the statement ended on its own (<paramref name="interrupted"/> false), the kill may now
    /// be pending for the session; a no-op statement absorbs it.
    /// </summary>
    public async Task SettleAsync(bool interrupted)
    {
        Task kill;
        lock (_lock)
        {
            kill = _kill ?? Task.CompletedTask;
        }

        try
        {
            await kill;
        }
        catch (Exception e) when (e is MySqlException or OperationCanceledException)
        {
            return;
        }

        if (!interrupted)
        {
            try
            {
                await connection.RunAsync(() => connection.SendQueryAsync("DO SLEEP(0)", CancellationToken.None), "resetting the session on", CancellationToken.None);
            }
            catch (MySqlServerException e) when (e.ErrorCode == QueryInterruptedError)
            {
            }
        }
    }

    private Task KillAsync() => Task.Run(async () =>
    {
        try
        {
            await QueryKiller.KillQueryAsync(connection.Options, connection.ConnectionId);
        }
        catch
        {
            // Without a kill the server would keep sending; closing the socket is the only way to stop it.
            connection.Abort();
            throw;
        }
    });
}
