using BatchSync.Core.Workflows.Model;

namespace BatchSync.Composition;

/// <summary>How to reach the source, besides the resolved connection: TLS, the connection cap and the read timeout.</summary>
internal sealed record SourceOptions(TlsMode Tls, string? CaBundle, int? MaxConnections, TimeSpan ReadTimeout)
{
    public static SourceOptions Of(WorkflowDefinition workflow)
        => new(workflow.Source.Tls, workflow.Source.CaBundle, workflow.Source.MaxConnections, workflow.Source.ReadTimeout);
}
