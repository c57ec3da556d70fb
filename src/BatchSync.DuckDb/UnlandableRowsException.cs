namespace BatchSync.DuckDb;

/// <summary>The staged rows cannot land as the mode asks (a merge key held twice, a row outside the replaced partition); nothing landed.</summary>
public sealed class UnlandableRowsException : Exception
{
    public UnlandableRowsException()
    {
    }

    public UnlandableRowsException(string message)
        : base(message)
    {
    }

    public UnlandableRowsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
