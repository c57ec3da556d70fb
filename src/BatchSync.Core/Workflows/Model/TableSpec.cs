using BatchSync.Core.Workflows.Diagnostics;
using BatchSync.Core.Workflows.Templates;

namespace BatchSync.Core.Workflows.Model;

/// <summary>
/// One table as written in the workflow (or an included list). Null means "not set here": the effective value comes
/// from <see cref="TableDefaults"/> via <see cref="WorkflowDefinition.ResolveTables"/>.
/// </summary>
public sealed record TableSpec
{
    public required string Table { get; init; }

    public required SourceLocation Location { get; init; }

    /// <summary>Schema on the same server; null means the connection's database.</summary>
    public string? Database { get; init; }

    public OutTableTemplate? OutTable { get; init; }

    public string? Dataset { get; init; }

    public string? Select { get; init; }

    /// <summary>The filter, or null for none (an empty <c>where:</c> is read as none).</summary>
    public string? Where { get; init; }

    public LoadMode? Mode { get; init; }

    public IReadOnlyList<string> Key { get; init; } = [];

    /// <summary>For mode merge: delete destination rows whose key the source no longer has.</summary>
    public bool? DeleteMissing { get; init; }

    public IncrementalSpec? Incremental { get; init; }

    public PartitionSpec? Partition { get; init; }

    public IReadOnlyList<string> Cluster { get; init; } = [];

    public ChunkSpec? Chunk { get; init; }

    public IReadOnlyDictionary<string, ColumnOverride> Columns { get; init; } = new Dictionary<string, ColumnOverride>();

    public ZeroDatePolicy? ZeroDates { get; init; }

    public DateTimeHandling? DateTime { get; init; }

    public Schema.TypeProfile? Types { get; init; }

    public bool? RecreateOnTypeChange { get; init; }

    public int? Parallelism { get; init; }

    public int? Retries { get; init; }
}
