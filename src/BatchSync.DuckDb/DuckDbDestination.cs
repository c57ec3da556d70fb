using System.Collections.Concurrent;
using System.Data.Common;
using BatchSync.Core.Load;
using BatchSync.Core.Runs;
using BatchSync.Core.Stage;
using BatchSync.Core.Work;
using DuckDB.NET.Data;

namespace BatchSync.DuckDb;

/// <summary>
/// An embedded DuckDB database file as a run's destination (<c>type: duckdb</c>). Lanes only stage: DuckDB allows one
/// writing process, so the finish step loads each table's staged gzip CSV parts itself, with DuckDB's own CSV reader,
/// into a per-run staging table, reconciles the count and lands it per mode — all in one transaction that also
/// records the landing in the file. A table lands whole or not at all, and never twice for one run.
/// </summary>
public sealed class DuckDbDestination : IDestination
{
    private readonly string _path;
    private readonly IStagingStore _staging;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _oneWriter = new(1, 1);
    private readonly ConcurrentDictionary<string, Exception> _unprepared = new(StringComparer.Ordinal);

    public DuckDbDestination(string path, IStagingStore staging, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(staging);
        ArgumentNullException.ThrowIfNull(time);
        _path = Path.GetFullPath(path);
        _staging = staging;
        _time = time;
    }

    /// <summary>
    /// Opens (or creates) the file and readies every table: schema, table, new columns. A table whose columns
    /// conflict fails alone; a file that cannot be opened (another process holds it) ends the run before any lane.
    /// </summary>
    /// <exception cref="DestinationException">The file cannot be opened or written.</exception>
    public async Task PrepareAsync(RunManifest manifest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        await using var session = await OpenAsync(cancellationToken);
        await LandingLedger.CreateAsync(session.Connection, cancellationToken);
        foreach (var table in manifest.Tables.Where(table => table.PlanError is null))
        {
            try
            {
                var target = DuckDbTarget.Of(manifest, table);
                await using var transaction = await session.Connection.BeginTransactionAsync(cancellationToken);
                await DestinationTables.EnsureAsync(session.Connection, target, table.Schema, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                _unprepared.TryRemove(table.OutTable, out _);
            }
            catch (Exception exception) when (exception is DuckDbSchemaConflictException or ArgumentException or DuckDBException)
            {
                _unprepared[table.OutTable] = exception;
            }
        }
    }

    /// <summary>Nothing loads per item (the parts stay staged until the table lands); a table that could not be prepared fails its items.</summary>
    public Task<long?> LoadItemAsync(RunManifest manifest, ManifestTable table, ManifestItem item, ExtractedItem extracted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        return _unprepared.TryGetValue(table.OutTable, out var problem)
            ? throw new DestinationException($"{table.OutTable} in DuckDB file {_path} could not be prepared, so {table.SourceName} cannot land: {problem.Message}", problem)
            : Task.FromResult<long?>(null);
    }

    public async Task<TableLanding> LandTableAsync(RunManifest manifest, ManifestTable table, IReadOnlyList<ItemStatus> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(items);
        var target = DuckDbTarget.Of(manifest, table);
        var partNames = items.SelectMany(item => (item.Parts ?? []).Select(part => manifest.Layout.ItemPrefix(table.OutTable, item.Item) + part.Name)).ToList();
        await using var parts = await StagedPartFiles.OpenAsync(_staging, partNames, cancellationToken);
        await using var session = await OpenAsync(cancellationToken);
        try
        {
            var rows = await new TableLander(session.Connection, manifest, table, target, _time).LandAsync(parts.Paths, items.Sum(item => item.Rows ?? 0), cancellationToken);
            return new TableLanding($"{_path} {target}", rows);
        }
        catch (Exception exception) when (exception is DuckDBException or DuckDbSchemaConflictException or UnlandableRowsException)
        {
            throw new DestinationException($"{table.SourceName} did not land in {target} of DuckDB file {_path} ({table.Mode}); the table is unchanged: {exception.Message}", exception);
        }
    }

    private async Task<Session> OpenAsync(CancellationToken cancellationToken)
    {
        await _oneWriter.WaitAsync(cancellationToken);
        DuckDBConnection? connection = null;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            connection = new DuckDBConnection(new DuckDBConnectionStringBuilder { DataSource = DuckDBConnectionStringBuilder.InMemoryDataSource }.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await connection.ExecuteAsync($"ATTACH {DuckDbNames.Literal(_path)} AS {DuckDbNames.Catalog}", cancellationToken);
            await connection.ExecuteAsync($"USE {DuckDbNames.Catalog}", cancellationToken);
            // TIMESTAMP values and partition periods are UTC, as in BigQuery; the session must not shift them.
            await connection.ExecuteAsync("SET TimeZone = 'UTC'", cancellationToken);
            return new Session(connection, _oneWriter);
        }
        catch (Exception exception) when (exception is DuckDBException or IOException or UnauthorizedAccessException)
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            _oneWriter.Release();
            throw new DestinationException($"DuckDB file {_path} could not be opened: {exception.Message} (DuckDB lets one process write a file at a time: close other programs that have it open).", exception);
        }
    }

    /// <summary>An open connection that holds the destination's one-writer slot until disposed.</summary>
    private sealed class Session(DuckDBConnection connection, SemaphoreSlim slot) : IAsyncDisposable
    {
        public DbConnection Connection => connection;

        public async ValueTask DisposeAsync()
        {
            await connection.DisposeAsync();
            slot.Release();
        }
    }
}
