namespace BatchSync.DuckDb;

/// <summary>The destination table exists with columns the run's schema cannot land in; that table fails, the others land.</summary>
public sealed class DuckDbSchemaConflictException : Exception
{
    public DuckDbSchemaConflictException()
    {
    }

    public DuckDbSchemaConflictException(string message)
        : base(message)
    {
    }

    public DuckDbSchemaConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
