using BatchSync.Core.Workflows.Checking;
using BatchSync.Core.Workflows.Diagnostics;
using BatchSync.Core.Workflows.Model;

namespace BatchSync.Composition.MySqlSource;

/// <summary>
/// <c>validate --connect</c> against MySQL: resolves the workflow's source (secrets from <c>--secrets FILE</c> or
/// Secrets Manager), connects within <see cref="Timeout"/>, and checks its tables with <see cref="CatalogSourceChecker"/>.
/// </summary>
internal sealed class MySqlSourceChecker(string? secretsFile) : IWorkflowSourceChecker
{
    /// <summary>The whole check of one workflow, connecting included.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    public async ValueTask<IReadOnlyList<Diagnostic>> CheckAsync(WorkflowDefinition workflow, CancellationToken cancellationToken)
    {
        var references = await References.CreateAsync(secretsFile, cancellationToken);
        var connection = await references.ResolveConnectionAsync(workflow.Source, cancellationToken);
        // validate reports weak TLS as diagnostics of its own, so the connection's warnings are not printed twice.
        var options = MySqlConnectionSettings.From(connection, SourceOptions.Of(workflow, TextWriter.Null)) with { ConnectTimeout = ConnectTimeout };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        await using var catalog = new MySqlColumnCatalog(options);
        try
        {
            return await new CatalogSourceChecker(catalog).CheckAsync(workflow, deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{connection.Host}:{connection.Port} did not answer the checks within {Timeout.TotalSeconds:0} s");
        }
    }
}
