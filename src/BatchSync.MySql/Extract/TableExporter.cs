using System.Diagnostics;
using BatchSync.Core.Stage;
using BatchSync.MySql.Csv;
using BatchSync.MySql.Schema;

namespace BatchSync.MySql.Extract;

/// <summary>
/// Exports one table: connect, discover the columns, stream the generated SELECT through the CSV writer into
/// parallel-compressed gzip parts in a staging store. A failed or cancelled export leaves no parts behind.
/// </summary>
public static class TableExporter
{
    internal const string ConsistentSnapshot = "START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY";

    public static async Task<ExportResult> ExportAsync(TableExportOptions options, IStagingStore store, IProgress<ExportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(store);
        var zone = SourceZoneFor(options);
        var table = options.Query.DisplayName;
        var total = Stopwatch.StartNew();

        await using var connection = await RunPhaseAsync(table, "connecting to the source",
            () => MySqlConnection.OpenAsync(options.Connection, cancellationToken));
        var connected = total.Elapsed;

        var plan = await RunPhaseAsync(table, "checking the table, select and where",
            () => SchemaDiscovery.DiscoverAsync(connection, options.Query, cancellationToken));
        var discovered = total.Elapsed;

        var encoder = new CsvRowEncoder(table, plan.CsvColumns, options.ZeroDates, zone);
        var (rows, parts) = await RunPhaseAsync(table, "reading rows",
            () => StreamRowsAsync(connection, plan, encoder, options, store, progress, total, cancellationToken));

        var timings = new ExportTimings(connected, discovered - connected, total.Elapsed - discovered, total.Elapsed);
        return new ExportResult(plan, rows, parts, timings, connection.ServerVersion);
    }

    private static async Task<(long Rows, IReadOnlyList<PartInfo> Parts)> StreamRowsAsync(
        MySqlConnection connection, ExtractionPlan plan, CsvRowEncoder encoder, TableExportOptions options, IStagingStore store,
        IProgress<ExportProgress>? progress, Stopwatch clock, CancellationToken cancellationToken)
    {
        await using var parts = new GzipPartWriter(store, options.Parts);
        using var sink = new CsvChunkSink(encoder, parts.WriteChunkAsync, options.ChunkSize,
            progress is null ? null : (rows, bytes) => progress.Report(new ExportProgress(rows, bytes, clock.Elapsed)));
        // One snapshot for the item (InnoDB): rows committed while it streams are not half-seen. A failure leaves the
        // transaction to the connection's close, which rolls it back.
        await connection.ExecuteAsync(ConsistentSnapshot, cancellationToken);
        await using (var reader = await connection.ExecuteReaderAsync(plan.SelectSql, cancellationToken))
        {
            await reader.ReadRowsAsync(sink, cancellationToken);
        }

        await connection.ExecuteAsync("COMMIT", cancellationToken);

        await sink.CompleteAsync(cancellationToken);
        var written = await parts.CompleteAsync(cancellationToken);
        return (sink.Rows, written);
    }

    private static SourceZoneConverter? SourceZoneFor(TableExportOptions options)
        => options.SourceTimeZone is { } zone ? new SourceZoneConverter(zone) : null;

    /// <summary>Adds the table and phase to failures; data and mapping errors already name them and pass through.</summary>
    private static async Task<T> RunPhaseAsync<T>(string table, string phase, Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (e is MySqlException or IOException or InvalidDataException)
        {
            throw new TableExportException(table, phase, e);
        }
    }
}
