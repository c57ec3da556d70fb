using BatchSync.Core.Schema;

namespace BatchSync.Core.Planning;

/// <summary>A source table as discovered for one workflow table.</summary>
/// <remarks>
/// SelectList: The select list lanes run: the workflow's expressions, or every column with the conversions the CSV writer needs.<br/>
/// IntegerKeyColumn: The primary key's column when the key is a single integer column (the one chunking can split by); otherwise null.<br/>
/// </remarks>
public sealed record SourceTableDescription(
    BigQueryTableSchema Schema,
    string SelectList,
    long EstimatedRows,
    long EstimatedBytes,
    string? IntegerKeyColumn);
