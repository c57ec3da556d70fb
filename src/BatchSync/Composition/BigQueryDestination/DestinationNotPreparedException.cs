namespace BatchSync.Composition.BigQueryDestination;

/// <summary>A table's destination or staging table could not be created (for example a schema conflict): its items cannot load.</summary>
internal sealed class DestinationNotPreparedException : Exception
{
    public DestinationNotPreparedException()
    {
    }

    public DestinationNotPreparedException(string message)
        : base(message)
    {
    }

    public DestinationNotPreparedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
