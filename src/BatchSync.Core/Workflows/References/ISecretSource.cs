namespace BatchSync.Core.Workflows.References;

/// <summary>
/// Where <c>secret:</c> references are read from: AWS Secrets Manager in production, a local JSON file with
/// <c>--secrets</c>. Implementations must not put the secret's text in exception messages.
/// </summary>
public interface ISecretSource
{
    /// <summary>The secret's string (a JSON document for structured secrets).</summary>
    /// <exception cref="SecretNotFoundException">No secret has this id.</exception>
    ValueTask<string> GetSecretStringAsync(string id, CancellationToken cancellationToken);
}
