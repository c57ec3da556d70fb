namespace BatchSync.Core.Work;

/// <summary>An item's status.json could not be written (staging full or unwritable); the message says what the item did.</summary>
public sealed class StatusWriteException : Exception
{
    public StatusWriteException()
    {
    }

    public StatusWriteException(string message)
        : base(message)
    {
    }

    public StatusWriteException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
