using BatchSync.Core.Stage;
using BatchSync.MySql.Schema;

namespace BatchSync.MySql.Extract;

/// <summary>The outcome of one table export.</summary>
/// <param name="Plan">The columns, the BigQuery schema and the generated SELECT.</param>
/// <param name="Rows">Rows exported.</param>
/// <param name="Parts">The gzip parts, in order.</param>
/// <param name="Timings">Time per phase.</param>
/// <param name="ServerVersion">The source server's version.</param>
public sealed record ExportResult(ExtractionPlan Plan, long Rows, IReadOnlyList<PartInfo> Parts, ExportTimings Timings, string ServerVersion)
{
    public long UncompressedBytes => Parts.Sum(p => p.UncompressedBytes);

    public long CompressedBytes => Parts.Sum(p => p.CompressedBytes);
}
