using BatchSync.Core.Schema;

namespace BatchSync.Core.Workflows.Model;

/// <summary>A per-column override: the BigQuery type and/or the destination column name.</summary>
public sealed record ColumnOverride(BigQueryType? Type, string? Name);
