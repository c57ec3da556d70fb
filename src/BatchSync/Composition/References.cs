using BatchSync.Composition.Aws;
using BatchSync.Core.Workflows.References;

namespace BatchSync.Composition;

/// <summary>Resolves a workflow's references: <c>secret:</c> ones from <c>--secrets FILE</c> when given, else from AWS Secrets Manager.</summary>
internal static class References
{
    public static async Task<ReferenceResolver> CreateAsync(string? secretsFile, CancellationToken cancellationToken)
    {
        ISecretSource secrets = secretsFile is null ? new SecretsManagerSecretSource() : await LocalSecretsFile.LoadAsync(secretsFile, cancellationToken);
        return new ReferenceResolver(secrets);
    }
}
