using System.Collections.Concurrent;
using BatchSync.Core.Workflows.Model;

namespace BatchSync.Composition;

/// <summary>How to reach the source, besides the resolved connection: TLS, authentication choices, the connection cap and the read timeout.</summary>
internal sealed record SourceOptions(TlsMode Tls, string? CaBundle, int? MaxConnections)
{
    public TimeSpan ReadTimeout { get; init; } = SourceSettings.DefaultReadTimeout;

    public bool IamAuth { get; init; }

    public bool AllowPublicKeyRetrieval { get; init; }

    public string? ServerPublicKey { get; init; }

    /// <summary>Where connection warnings go (each distinct one once per command, however many connections see it).</summary>
    public Action<string>? Warning { get; init; }

    public static SourceOptions Of(WorkflowDefinition workflow, TextWriter warnings)
    {
        var seen = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var synchronized = TextWriter.Synchronized(warnings);
        return new(workflow.Source.Tls, workflow.Source.CaBundle, workflow.Source.MaxConnections)
        {
            ReadTimeout = workflow.Source.ReadTimeout,
            IamAuth = workflow.Source.IamAuth,
            AllowPublicKeyRetrieval = workflow.Source.AllowPublicKeyRetrieval,
            ServerPublicKey = workflow.Source.ServerPublicKey,
            Warning = message =>
            {
                if (seen.TryAdd(message, true))
                {
                    synchronized.WriteLine("warning: " + message);
                }
            },
        };
    }
}
