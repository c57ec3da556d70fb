using BatchSync.Core.Stage;

namespace BatchSync.MySql.Extract;

/// <summary>What a planned export wrote: the rows and the gzip parts, in order.</summary>
public sealed record ExportedRows(long Rows, IReadOnlyList<PartInfo> Parts);
