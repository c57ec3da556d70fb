using System.Collections.Concurrent;
using BatchSync.BigQuery.Finishing;
using BatchSync.BigQuery.Http;
using BatchSync.BigQuery.Tables;
using BatchSync.Core.Runs;
using BatchSync.Core.Stage;
using BatchSync.Core.Work;

namespace BatchSync.BigQuery.Warehouse;

/// <summary>
/// BigQuery as the run pipeline's destination. Prepare creates (or finds) every destination and a per-run staging
/// table that expires on its own; lanes load their parts into staging; finish lands each table per its mode from
/// staging in one job and drops staging. Every step may run again (a retried parent or lane) without loading twice.
/// </summary>
public sealed class BigQueryRunWarehouse : IWarehouse
{
    /// <summary>How long a staging table outlives a run that died: long enough to resume, short enough not to pile up.</summary>
    public static readonly TimeSpan StagingExpiry = TimeSpan.FromDays(2);

    private readonly BigQueryWarehouse _client;
    private readonly ItemPartLoader _parts;
    private readonly ConcurrentDictionary<string, Exception> _unprepared = new(StringComparer.Ordinal);

    public BigQueryRunWarehouse(BigQueryWarehouse client, IStagingStore staging)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(staging);
        _client = client;
        _parts = new ItemPartLoader(client, staging);
    }

    /// <summary>
    /// Prepares every table's destination and staging table. A problem with one table (a schema conflict, a layout
    /// BigQuery refuses) fails that table alone: its items report it. A problem with the destination as a whole
    /// (unreachable, no access, a dataset in another location) ends the run here, before any lane starts.
    /// </summary>
    /// <exception cref="WarehouseException">The destination cannot be used at all.</exception>
    public async Task PrepareAsync(RunManifest manifest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var checkedDatasets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in manifest.Tables.Where(table => table.PlanError is null))
        {
            var target = Target(manifest, table);
            try
            {
                var destination = target.Destination.Table;
                if (checkedDatasets.Add($"{destination.ProjectId}.{destination.DatasetId}"))
                {
                    await CheckDatasetLocationAsync(destination, cancellationToken);
                }

                await _client.EnsureDestinationAsync(target.Destination, cancellationToken);
                await _client.CreateStagingTableAsync(target.Staging, target.Destination.Definition, StagingExpiry, cancellationToken);
                _unprepared.TryRemove(table.OutTable, out _);
            }
            catch (Exception exception) when (IsProblemOfThisTable(exception))
            {
                _unprepared[table.OutTable] = exception;
            }
            catch (Exception exception) when (exception is BigQueryException or HttpRequestException or ArgumentException)
            {
                throw new WarehouseException($"BigQuery destination {target.Destination.Table} ({_client.Options.Location}) could not be prepared for {table.SourceName}: {exception.Message}", exception);
            }
        }
    }

    public Task<long> LoadItemAsync(RunManifest manifest, ManifestTable table, ManifestItem item, ExtractedItem extracted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(extracted);
        var target = Target(manifest, table);
        if (_unprepared.TryGetValue(table.OutTable, out var problem))
        {
            throw new WarehouseException($"{target.Destination.Table} could not be prepared, so {table.SourceName} cannot load: {problem.Message}", problem);
        }

        return _parts.LoadAsync(manifest, table, item, extracted, target.Staging, cancellationToken);
    }

    public async Task<TableLanding> FinishTableAsync(RunManifest manifest, ManifestTable table, long expectedRows, CancellationToken cancellationToken)
    {
        var target = Target(manifest, table);
        try
        {
            var result = await _client.FinishTableAsync(target.Destination, target.Staging, expectedRows, cancellationToken);
            return new TableLanding(result.Destination.ToString(), result.StagedRows);
        }
        catch (RowCountMismatchException exception)
        {
            throw new ReconciliationException(exception.Message, exception);
        }
        catch (Exception exception) when (exception is BigQueryException or SchemaConflictException or DestinationLayoutException)
        {
            throw new WarehouseException($"{table.SourceName} did not land in {target.Destination.Table} ({table.Mode}); the destination is unchanged: {exception.Message}", exception);
        }
    }

    /// <summary>Conflicts with the existing table, or a table definition BigQuery calls invalid; access and network trouble are not.</summary>
    private static bool IsProblemOfThisTable(Exception exception)
        => exception is SchemaConflictException or DestinationLayoutException or BigQueryException { Reason: "invalid" };

    private static RunTableTarget Target(RunManifest manifest, ManifestTable table)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(table);
        return RunTableTarget.Of(manifest, table);
    }

    /// <summary>Jobs run in the configured location; a dataset elsewhere would fail every job, so say so up front.</summary>
    private async Task CheckDatasetLocationAsync(TableId table, CancellationToken cancellationToken)
    {
        var location = await _client.Datasets.GetLocationAsync(table.ProjectId, table.DatasetId, cancellationToken);
        if (location is { Length: > 0 } && !string.Equals(location, _client.Options.Location, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"dataset {table.ProjectId}.{table.DatasetId} is in {location}, but destination.location is {_client.Options.Location}; set destination.location to {location}.");
        }
    }
}
