using BatchSync.Aws;
using BatchSync.Aws.SecretsManager;
using BatchSync.Core.Workflows.References;

namespace BatchSync.Composition.Aws;

/// <summary>
/// Answers <c>secret:</c> references from AWS Secrets Manager. The client is made on the first secret asked for, so a
/// workflow that only uses <c>env:</c> references needs no AWS configuration. Each secret is fetched once per process.
/// </summary>
internal sealed class SecretsManagerSecretSource : ISecretSource
{
    private readonly Lazy<SecretsManagerClient> _client = new(AwsClients.SecretsManager);
    private readonly Dictionary<string, Task<string>> _fetched = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public async ValueTask<string> GetSecretStringAsync(string id, CancellationToken cancellationToken)
    {
        Task<string> fetch;
        lock (_gate)
        {
            if (!_fetched.TryGetValue(id, out fetch!) || fetch.IsFaulted || fetch.IsCanceled)
            {
                fetch = _client.Value.GetSecretStringAsync(id, cancellationToken);
                _fetched[id] = fetch;
            }
        }

        try
        {
            return await fetch;
        }
        catch (AwsServiceException exception) when (exception.Code == "ResourceNotFoundException")
        {
            throw new SecretNotFoundException(exception.Message, exception);
        }
    }
}
