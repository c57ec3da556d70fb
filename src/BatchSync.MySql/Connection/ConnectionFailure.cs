using System.Net.Sockets;
using BatchSync.MySql.Transport;

namespace BatchSync.MySql.Connection;

/// <summary>Turns low-level failures into <see cref="MySqlException"/>s that say where and what to check (never the password).</summary>
internal static class ConnectionFailure
{
    public static bool IsTransportFailure(Exception exception)
        => exception is IOException or SocketException or InvalidDataException or ObjectDisposedException;

    public static MySqlException Describe(Exception exception, MySqlConnectionOptions options, string activity, bool sessionKilled = false) => exception switch
    {
        ReadTimeoutException => new MySqlException(
            $"The server at {options.Endpoint} sent nothing for {options.ReadTimeout} while {activity}" +
            (sessionKilled ? " (the session was killed on the server so its query stops). " : ". ") +
            "Check that the server is alive and not blocked (locks, overload), or raise the read timeout.", exception),
        SocketException socket => new MySqlException(
            $"Network error while {activity} {options.Endpoint}: {socket.Message} ({socket.SocketErrorCode}). " +
            "Check the host name, port, that the server is running, and firewalls/security groups between here and there.", exception),
        InvalidDataException => new MySqlException(
            $"Protocol error while {activity} {options.Endpoint}: {exception.Message} Is this a MySQL/MariaDB server port?", exception),
        _ => new MySqlException(
            $"Connection to {options.Endpoint} failed while {activity}: {exception.Message} " +
            "Check that the server is running and reachable; the connection may have been closed by the server or a proxy.", exception),
    };

    public static MySqlException ConnectTimeout(MySqlConnectionOptions options, Exception inner) => new(
        $"Timed out after {options.ConnectTimeout} connecting to {options.Endpoint}. " +
        "Check the host name, port, that the server is running, and firewalls/security groups between here and there.", inner);
}
