namespace BatchSync.Core.Planning;

/// <summary>One table cannot be exported as asked. It fails alone: the planner records the reason and plans the others.</summary>
public sealed class SourceTableException : Exception
{
    public SourceTableException()
    {
    }

    public SourceTableException(string message)
        : base(message)
    {
    }

    public SourceTableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
