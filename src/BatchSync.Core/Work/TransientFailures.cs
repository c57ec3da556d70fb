using System.Net.Sockets;

namespace BatchSync.Core.Work;

/// <summary>Decides which failures are worth another attempt: network and I/O trouble, timeouts; not bad SQL or bad data.</summary>
public static class TransientFailures
{
    public static bool IsTransient(Exception exception) => exception switch
    {
        TransientException or TimeoutException or SocketException or HttpRequestException => true,
        IOException => true,
        _ when exception.InnerException is { } inner => IsTransient(inner),
        _ => false,
    };
}
