namespace BatchSync.Commands.Export;

/// <summary>The command line cannot work as given; the command exits with 2 and a usage hint.</summary>
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
