using BatchSync.Core.Runs;
using BatchSync.Core.Schema;

namespace BatchSync.Core.Planning;

/// <summary>A source table as discovered for one workflow table.</summary>
/// <remarks>
/// SelectSql: The statement that reads the table (with its where), as the extractor generates it.<br/>
/// Columns: The discovered columns, in select order: what lanes read without discovering again.<br/>
/// IntegerKeyColumn: The primary key's leading column when it is an integer (what chunking splits by: every row has exactly one value of it); otherwise null.<br/>
/// </remarks>
public sealed record SourceTableDescription(
    BigQueryTableSchema Schema,
    string SelectSql,
    long EstimatedRows,
    long EstimatedBytes,
    string? IntegerKeyColumn,
    IReadOnlyList<ManifestColumn> Columns);
