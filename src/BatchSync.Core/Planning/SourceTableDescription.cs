using BatchSync.Core.Schema;

namespace BatchSync.Core.Planning;

/// <summary>A source table as discovered for one workflow table.</summary>
/// <remarks>
/// SelectSql: The statement that reads the table (with its where), as the extractor generates it.<br/>
/// IntegerKeyColumn: The primary key's column when the key is a single integer column (the one chunking can split by); otherwise null.<br/>
/// </remarks>
public sealed record SourceTableDescription(
    BigQueryTableSchema Schema,
    string SelectSql,
    long EstimatedRows,
    long EstimatedBytes,
    string? IntegerKeyColumn);
