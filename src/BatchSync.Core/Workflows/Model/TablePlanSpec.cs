using BatchSync.Core.Workflows.Diagnostics;

namespace BatchSync.Core.Workflows.Model;

/// <summary>One table's effective settings: what planning and export read, never the raw <see cref="TableSpec"/>.</summary>
public sealed record TablePlanSpec
{
    public required string Table { get; init; }

    public string? Database { get; init; }

    public required Templates.OutTableTemplate OutTable { get; init; }

    /// <summary>Null only when the destination is <c>none</c> and no dataset was given.</summary>
    public string? Dataset { get; init; }

    public string? Select { get; init; }

    public string? Where { get; init; }

    public LoadMode Mode { get; init; }

    public IReadOnlyList<string> Key { get; init; } = [];

    /// <summary>For mode merge: delete destination rows whose key the source no longer has.</summary>
    public bool DeleteMissing { get; init; }

    public IncrementalSpec? Incremental { get; init; }

    public PartitionSpec? Partition { get; init; }

    public IReadOnlyList<string> Cluster { get; init; } = [];

    public ChunkSpec? Chunk { get; init; }

    public IReadOnlyDictionary<string, ColumnOverride> Columns { get; init; } = new Dictionary<string, ColumnOverride>();

    public ZeroDatePolicy ZeroDates { get; init; }

    public DateTimeHandling DateTime { get; init; }

    public Schema.TypeProfile Types { get; init; }

    /// <summary>Mode replace: a destination whose column types differ is replaced with the new types on landing.</summary>
    public bool RecreateOnTypeChange { get; init; }

    /// <summary>Lanes for this table, already capped by source.max_connections.</summary>
    public int Parallelism { get; init; }

    public int Retries { get; init; }

    /// <summary>The workflow's zone, for rendering <see cref="OutTable"/>.</summary>
    public required TimeZoneInfo TimeZone { get; init; }

    public required SourceLocation Location { get; init; }

    /// <summary>The destination table name for a run scheduled for <paramref name="runTime"/>.</summary>
    public string RenderOutTable(DateTimeOffset runTime) => OutTable.Render(runTime, TimeZone, Table);

    /// <summary>The SELECT list: the configured one, or every column.</summary>
    public string SelectList => string.IsNullOrWhiteSpace(Select) ? "*" : Select;
}
