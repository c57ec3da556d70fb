namespace BatchSync.Core.Runs;

/// <summary>A run id was resumed with a workflow (or table selection) other than the one its manifest was planned from.</summary>
public sealed class WorkflowChangedException : Exception
{
    public WorkflowChangedException()
    {
    }

    public WorkflowChangedException(string message)
        : base(message)
    {
    }

    public WorkflowChangedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
