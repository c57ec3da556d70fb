namespace BatchSync.Core.Workflows.References;

/// <summary>A secret id that the secret source does not hold.</summary>
public sealed class SecretNotFoundException : Exception
{
    public SecretNotFoundException()
    {
    }

    public SecretNotFoundException(string message)
        : base(message)
    {
    }

    public SecretNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
