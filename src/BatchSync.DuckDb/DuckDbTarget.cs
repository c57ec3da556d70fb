using System.Globalization;
using BatchSync.Core.Load;
using BatchSync.Core.Runs;

namespace BatchSync.DuckDb;

/// <summary>
/// Where one manifest table lands in the DuckDB file: <see cref="Schema"/> (the dataset, else <c>main</c>) and
/// <see cref="Table"/>; for a partition decorator (<c>sales$20261121</c>, mode delete_in_advance) the rows of that
/// partition (<see cref="PartitionFilter"/>) are what the run replaces, as BigQuery replaces one partition.
/// </summary>
internal sealed record DuckDbTarget(string Schema, string Table, string? PartitionFilter, string StagingTable)
{
    public const string DefaultSchema = "main";

    public string Sql => $"{DuckDbNames.Catalog}.{SchemaSql}.{DuckDbNames.Quote(Table)}";

    public string SchemaSql => DuckDbNames.Quote(Schema);

    public override string ToString() => $"{Schema}.{Table}";

    /// <exception cref="ArgumentException">A partition decorator the table's partitioning cannot interpret.</exception>
    public static DuckDbTarget Of(RunManifest manifest, ManifestTable table)
    {
        var schema = manifest.Destination.DatasetOf(table) ?? DefaultSchema;
        var dollar = table.OutTable.IndexOf('$', StringComparison.Ordinal);
        var name = dollar < 0 ? table.OutTable : table.OutTable[..dollar];
        var filter = dollar < 0 ? null : PartitionFilterOf(table, table.OutTable[(dollar + 1)..]);
        return new DuckDbTarget(schema, name, filter, StagingTableName.Of(name, manifest.RunId));
    }

    private static string PartitionFilterOf(ManifestTable table, string decorator)
    {
        var column = table.Partition?.Column
            ?? throw new ArgumentException($"{table.OutTable} names a partition, but the table has no partition: set partition: {{column: ..., type: DAY}}.");
        var quoted = DuckDbNames.Quote(column);
        if (table.Partition.Range is { } range)
        {
            var start = long.Parse(decorator, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            return $"({quoted} >= {start} AND {quoted} < {start + range.Interval})";
        }

        var (from, to) = PeriodOf(decorator, table.OutTable);
        // Compared as TIMESTAMP: a DATE, DATETIME or (UTC session) TIMESTAMP column all cast to it exactly.
        return $"(CAST({quoted} AS TIMESTAMP) >= TIMESTAMP '{from:yyyy-MM-dd HH:mm:ss}' AND CAST({quoted} AS TIMESTAMP) < TIMESTAMP '{to:yyyy-MM-dd HH:mm:ss}')";
    }

    private static (DateTime From, DateTime To) PeriodOf(string decorator, string table)
    {
        var formats = new (string Format, Func<DateTime, DateTime> Next)[]
        {
            ("yyyyMMddHH", d => d.AddHours(1)),
            ("yyyyMMdd", d => d.AddDays(1)),
            ("yyyyMM", d => d.AddMonths(1)),
            ("yyyy", d => d.AddYears(1)),
        };
        foreach (var (format, next) in formats)
        {
            if (decorator.Length == format.Length && DateTime.TryParseExact(decorator, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var from))
            {
                return (from, next(from));
            }
        }

        throw new ArgumentException($"{table}: the partition decorator '{decorator}' is not YYYY, YYYYMM, YYYYMMDD or YYYYMMDDHH.");
    }
}
