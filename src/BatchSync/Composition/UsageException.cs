namespace BatchSync.Composition;

/// <summary>The request cannot be served as given (unknown workflow, invalid file, bad option): exit 2 with this message.</summary>
internal sealed class UsageException : Exception
{
    public UsageException()
    {
    }

    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
