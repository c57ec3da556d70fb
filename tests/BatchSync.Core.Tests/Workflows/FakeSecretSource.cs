using BatchSync.Core.Workflows.References;

namespace BatchSync.Core.Tests.Workflows;

/// <summary>An in-memory secret store that fails like the real one for unknown ids.</summary>
internal sealed class FakeSecretSource(Dictionary<string, string> secrets) : ISecretSource
{
    public List<string> Requested { get; } = [];

    public ValueTask<string> GetSecretStringAsync(string id, CancellationToken cancellationToken)
    {
        Requested.Add(id);
        return secrets.TryGetValue(id, out var value)
            ? ValueTask.FromResult(value)
            : throw new SecretNotFoundException($"secret '{id}' not found");
    }
}
