namespace BatchSync.Core.Work;

/// <summary>
/// The one-line explanation of a failure kept in an item's status. Adapters put no secrets in their messages;
/// the exception type is named only for failures no adapter explained (a bug, not a data problem).
/// </summary>
public static class FailureMessage
{
    public static string Of(Exception exception)
    {
        var message = exception.Message.ReplaceLineEndings(" ").Trim();
        return exception is SystemException and not (IOException or TimeoutException or OperationCanceledException or System.Net.Sockets.SocketException)
            ? $"{exception.GetType().Name}: {message}"
            : message;
    }
}
