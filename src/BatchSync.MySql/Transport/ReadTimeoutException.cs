namespace BatchSync.MySql.Transport;

/// <summary>No byte arrived within the read timeout; turned into a <see cref="MySqlException"/> with context by the connection.</summary>
internal sealed class ReadTimeoutException : IOException
{
    public ReadTimeoutException()
        : base("No data arrived from the server within the read timeout.")
    {
    }

    public ReadTimeoutException(string message)
        : base(message)
    {
    }

    public ReadTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
