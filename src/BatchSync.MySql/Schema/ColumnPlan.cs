using BatchSync.Core.Schema;
using BatchSync.MySql.Csv;
using BatchSync.MySql.Results;

namespace BatchSync.MySql.Schema;

/// <summary>One output column: where it comes from, what BigQuery sees, and how its values are written.</summary>
/// <param name="Result">The column as the result metadata describes it.</param>
/// <param name="Source">The table column behind it, when it is one (null for expressions).</param>
/// <param name="Field">The BigQuery field.</param>
/// <param name="Encoding">How values become CSV.</param>
/// <param name="SelectExpression">The expression in the generated SELECT (for example <c>ST_AsText(`g`) AS `g`</c>).</param>
public sealed record ColumnPlan(MySqlColumn Result, SourceColumn? Source, BigQueryField Field, ValueEncoding Encoding, string SelectExpression)
{
    public string Name => Field.Name;
}
