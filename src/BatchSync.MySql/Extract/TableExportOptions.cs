using BatchSync.Core.Stage;
using BatchSync.MySql.Csv;
using BatchSync.MySql.Schema;

namespace BatchSync.MySql.Extract;

/// <summary>Everything one table export needs.</summary>
public sealed record TableExportOptions
{
    public required MySqlConnectionOptions Connection { get; init; }

    public required TableQuery Query { get; init; }

    public ZeroDatePolicy ZeroDates { get; init; } = ZeroDatePolicy.Null;

    /// <summary>The zone DATETIME values were written in; required when <see cref="TableQuery.DateTimes"/> is Timestamp.</summary>
    public TimeZoneInfo? SourceTimeZone { get; init; }

    public PartWriterOptions Parts { get; init; } = new();

    public int ChunkSize { get; init; } = CsvChunkSink.DefaultChunkSize;
}
