using BatchSync.Core.Workflows.Model;

namespace BatchSync.Composition;

/// <summary>How to reach the source, besides the resolved connection: TLS and the connection cap.</summary>
internal sealed record SourceOptions(TlsMode Tls, string? CaBundle, int? MaxConnections)
{
    public static SourceOptions Of(WorkflowDefinition workflow)
        => new(workflow.Source.Tls, workflow.Source.CaBundle, workflow.Source.MaxConnections);
}
