namespace BatchSync.Core.Schema;

/// <summary>One column of a BigQuery table schema. BatchSync writes every column NULLABLE (see docs/type-mapping.md).</summary>
public sealed record BigQueryField(string Name, BigQueryType Type, string Mode = "NULLABLE", string? Description = null);
