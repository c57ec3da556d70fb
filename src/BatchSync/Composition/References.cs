using BatchSync.Core.Workflows.References;

namespace BatchSync.Composition;

/// <summary>Resolves a workflow's references, reading <c>secret:</c> ones from <c>--secrets FILE</c> when given.</summary>
internal static class References
{
    public static async Task<ReferenceResolver> CreateAsync(string? secretsFile, CancellationToken cancellationToken)
    {
        ISecretSource? secrets = secretsFile is null ? null : await LocalSecretsFile.LoadAsync(secretsFile, cancellationToken);
        return new ReferenceResolver(secrets);
    }
}
