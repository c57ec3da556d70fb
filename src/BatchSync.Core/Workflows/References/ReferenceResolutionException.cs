namespace BatchSync.Core.Workflows.References;

/// <summary>
/// A reference that could not be turned into a value. The message names the reference, never the secret text, and
/// no inner exception is attached when the inner message could quote the secret (e.g. a JSON parse error).
/// </summary>
public sealed class ReferenceResolutionException : Exception
{
    public ReferenceResolutionException()
    {
    }

    public ReferenceResolutionException(string message)
        : base(message)
    {
    }

    public ReferenceResolutionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
