namespace BatchSync.Core.Work;

/// <summary>A failure an adapter knows to be temporary (a dropped connection, a rate limit): the item is tried again.</summary>
public class TransientException : Exception
{
    public TransientException()
    {
    }

    public TransientException(string message)
        : base(message)
    {
    }

    public TransientException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
