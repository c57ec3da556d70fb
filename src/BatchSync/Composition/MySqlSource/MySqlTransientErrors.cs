using BatchSync.Core.Work;
using BatchSync.MySql;

namespace BatchSync.Composition.MySqlSource;

/// <summary>
/// Server errors that say "try again later" rather than "this cannot work": too many connections, lock waits,
/// deadlocks, a server going away or shutting down. Items failing with these are retried; others fail at once.
/// </summary>
internal static class MySqlTransientErrors
{
    // ER_CON_COUNT_ERROR, ER_TOO_MANY_USER_CONNECTIONS, ER_SERVER_SHUTDOWN, ER_LOCK_WAIT_TIMEOUT, ER_LOCK_DEADLOCK,
    // MySQL's ER_QUERY_TIMEOUT (3024, max_execution_time) and MariaDB's ER_STATEMENT_TIMEOUT (1969, max_statement_time):
    // the session turns both limits off, so one of these means a server-side rule or hint cut the read short.
    // ER_QUERY_INTERRUPTED is not here: a killed query is an operator's decision.
    private static readonly HashSet<int> Codes = [1040, 1203, 1053, 1205, 1213, 3024, 1969];

    public static async Task<T> RetryableAsync<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception exception) when (FindServerError(exception) is { } server && Codes.Contains(server.ErrorCode))
        {
            throw new TransientException(exception.Message, exception);
        }
    }

    private static MySqlServerException? FindServerError(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is MySqlServerException server)
            {
                return server;
            }
        }

        return null;
    }
}
