using BatchSync.Core.Stage;
using BatchSync.MySql.Csv;

namespace BatchSync.MySql.Extract;

/// <summary>
/// An export whose columns were discovered earlier (a run's plan): the statement to run and how each of its columns
/// becomes CSV. Running it costs no discovery round trip; the result's columns are checked against the plan instead.
/// </summary>
public sealed record PlannedExport
{
    /// <summary>The table as messages name it, for example <c>shop.users</c>.</summary>
    public required string Table { get; init; }

    public required string SelectSql { get; init; }

    /// <summary>The planned output columns, in select order.</summary>
    public required IReadOnlyList<CsvColumn> Columns { get; init; }

    public ZeroDatePolicy ZeroDates { get; init; } = ZeroDatePolicy.Null;

    /// <summary>Converts from the zone DATETIME values were written in; required when a column converts DATETIME to TIMESTAMP. Reusable across exports.</summary>
    public SourceZoneConverter? SourceZone { get; init; }

    public PartWriterOptions Parts { get; init; } = new();

    public int ChunkSize { get; init; } = CsvChunkSink.DefaultChunkSize;
}
