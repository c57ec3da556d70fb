using BatchSync.Core.Workflows.Model;
using BatchSync.Core.Workflows.References;

namespace BatchSync.Composition;

/// <summary>Resolves a workflow's source connection, reading <c>secret:</c> references from <c>--secrets FILE</c> when given.</summary>
internal static class SourceConnections
{
    public static async Task<ConnectionParts> ResolveAsync(WorkflowDefinition workflow, string? secretsFile, CancellationToken cancellationToken)
    {
        ISecretSource? secrets = secretsFile is null ? null : await LocalSecretsFile.LoadAsync(secretsFile, cancellationToken);
        return await new ReferenceResolver(secrets).ResolveConnectionAsync(workflow.Source, cancellationToken);
    }
}
