using BatchSync.Core.Schema;
using BatchSync.MySql.Csv;

namespace BatchSync.MySql.Schema;

/// <summary>Everything needed to extract one table: the ordered columns, the SELECT to run, and the BigQuery schema.</summary>
public sealed record ExtractionPlan(TableQuery Query, IReadOnlyList<ColumnPlan> Columns, string SelectSql)
{
    public BigQueryTableSchema Schema { get; } = new([.. Columns.Select(c => c.Field)]);

    public IReadOnlyList<CsvColumn> CsvColumns { get; } = [.. Columns.Select(c => new CsvColumn(c.Name, c.Encoding))];
}
