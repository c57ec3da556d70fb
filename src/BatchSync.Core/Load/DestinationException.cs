namespace BatchSync.Core.Load;

/// <summary>
/// The destination refused the work or could not be reached: a misconfigured or unreachable destination, a table it
/// rejects. The message says what failed, where, and what the destination answered; it never holds credentials.
/// </summary>
public class DestinationException : Exception
{
    public DestinationException()
    {
    }

    public DestinationException(string message)
        : base(message)
    {
    }

    public DestinationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
