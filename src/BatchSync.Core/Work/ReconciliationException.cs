namespace BatchSync.Core.Work;

/// <summary>The destination counted a different number of rows than the source gave: the data must not land.</summary>
public sealed class ReconciliationException : Exception
{
    public ReconciliationException()
    {
    }

    public ReconciliationException(string message)
        : base(message)
    {
    }

    public ReconciliationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
