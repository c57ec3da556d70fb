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

    public BigQueryRunWarehouse(BigQueryWarehouse client, IStagingStore staging)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(staging);
        _client = client;
        _parts = new ItemPartLoader(client, staging);
    }

    public async Task PrepareAsync(RunManifest manifest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        foreach (var table in manifest.Tables.Where(table => table.PlanError is null))
        {
            var target = Target(manifest, table);
            try
            {
                await CheckDatasetLocationAsync(target.Destination.Table, cancellationToken);
                await _client.EnsureDestinationAsync(target.Destination, cancellationToken);
                await _client.CreateStagingTableAsync(target.Staging, target.Destination.Definition with { Description = null }, StagingExpiry, cancellationToken);
            }
            catch (Exception exception) when (exception is BigQueryException or HttpRequestException or SchemaConflictException or DestinationLayoutException or ArgumentException)
            {
                throw new WarehouseException($"BigQuery destination {target.Destination.Table} ({_client.Options.Location}) could not be prepared for {table.SourceName}: {exception.Message}", exception);
            }
        }
    }

    public Task<long> LoadItemAsync(RunManifest manifest, ManifestTable table, ManifestItem item, ExtractedItem extracted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(extracted);
        return _parts.LoadAsync(manifest, table, item, extracted, Target(manifest, table).Staging, cancellationToken);
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
