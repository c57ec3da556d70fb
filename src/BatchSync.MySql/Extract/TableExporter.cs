using System.Diagnostics;
using BatchSync.Core.Stage;
using BatchSync.MySql.Csv;
using BatchSync.MySql.Schema;

namespace BatchSync.MySql.Extract;

/// <summary>
/// Exports one table: connect, discover the columns, stream the generated SELECT through the CSV writer into
/// parallel-compressed gzip parts in a staging store; or, for a planned export, stream on a connection the caller
/// keeps open. A failed or cancelled export leaves no parts behind.
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

        var export = new PlannedExport
        {
            Table = table,
            SelectSql = plan.SelectSql,
            Columns = plan.CsvColumns,
            ZeroDates = options.ZeroDates,
            SourceZone = zone,
            Parts = options.Parts,
            ChunkSize = options.ChunkSize,
        };
        var exported = await RunPhaseAsync(table, "reading rows",
            () => StreamRowsAsync(connection, export, progress, store, total, cancellationToken));

        var timings = new ExportTimings(connected, discovered - connected, total.Elapsed - discovered, total.Elapsed);
        return new ExportResult(plan, exported.Rows, exported.Parts, timings, connection.ServerVersion);
    }

    /// <summary>
    /// Runs a planned export on an open connection, which stays open (and idle) afterwards, failed or not, unless the
    /// failure broke it. The result's columns must be the planned ones (see <see cref="PlannedColumnCheck"/>).
    /// </summary>
    public static Task<ExportedRows> ExportAsync(
        MySqlConnection connection, PlannedExport export, IStagingStore store, IProgress<ExportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(export);
        ArgumentNullException.ThrowIfNull(store);
        return RunPhaseAsync(export.Table, "reading rows",
            () => StreamRowsAsync(connection, export, progress, store, Stopwatch.StartNew(), cancellationToken));
    }

    private static async Task<ExportedRows> StreamRowsAsync(
        MySqlConnection connection, PlannedExport export, IProgress<ExportProgress>? progress, IStagingStore store, Stopwatch clock, CancellationToken cancellationToken)
    {
        var encoder = new CsvRowEncoder(export.Table, export.Columns, export.ZeroDates, export.SourceZone);
        await using var parts = new GzipPartWriter(store, export.Parts);
        using var sink = new CsvChunkSink(encoder, parts.WriteChunkAsync, export.ChunkSize,
            progress is null ? null : (rows, bytes) => progress.Report(new ExportProgress(rows, bytes, clock.Elapsed)));
        // One snapshot for the item (InnoDB): rows committed while it streams are not half-seen. A failure leaves the
        // read-only transaction open: the next item's START TRANSACTION ends it, or the connection's close rolls it back.
        await connection.ExecuteAsync(ConsistentSnapshot, cancellationToken);
        await using (var reader = await connection.ExecuteReaderAsync(export.SelectSql, cancellationToken))
        {
            PlannedColumnCheck.Check(export.Table, export.Columns, reader.Columns);
            await reader.ReadRowsAsync(sink, cancellationToken);
        }

        await connection.ExecuteAsync("COMMIT", cancellationToken);

        await sink.CompleteAsync(cancellationToken);
        var written = await parts.CompleteAsync(cancellationToken);
        return new ExportedRows(sink.Rows, written);
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
