using System.Collections.Concurrent;
using BatchSync.BigQuery.Auth;
using BatchSync.BigQuery.Finishing;
using BatchSync.BigQuery.Http;
using BatchSync.BigQuery.Jobs;
using BatchSync.BigQuery.Loading;
using BatchSync.BigQuery.Run;
using BatchSync.BigQuery.Tables;
using BatchSync.Core.Load;
using BatchSync.Core.Runs;
using BatchSync.Core.Schema;
using BatchSync.Core.Stage;
using BatchSync.Core.Work;

namespace BatchSync.BigQuery;

/// <summary>
/// BigQuery as a run's destination. Prepare creates (or finds) every destination table and a per-run staging table
/// that expires on its own; lanes load their parts into staging, one load job per part; landing reconciles counts
/// and lands each table per its mode from staging in one job, then drops staging. Every step may run again (a
/// retried parent or lane) without loading twice. The steps are also public on their own, for tools and tests.
/// </summary>
public sealed class BigQueryDestination : IDestination
{
    /// <summary>How long a staging table outlives a run that died: long enough to resume, short enough not to pile up.</summary>
    public static readonly TimeSpan StagingExpiry = TimeSpan.FromDays(2);

    private const string StagingDescription = "BatchSync staging table; expires on its own.";

    private readonly DestinationPreparer _destinations;
    private readonly PartLoader _loader;
    private readonly TableFinisher _finisher;
    private readonly ItemPartLoader _items;
    private readonly TimeProvider _timeProvider;
    private readonly ConcurrentDictionary<string, Exception> _unprepared = new(StringComparer.Ordinal);

    // staging: where the run's parts are; lanes stream them from there into load jobs.
    public BigQueryDestination(HttpClient http, IAccessTokenSource tokens, BigQueryClientOptions options, IStagingStore staging, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(staging);
        options.Validate();
        Options = options;
        timeProvider ??= TimeProvider.System;
        _timeProvider = timeProvider;
        var transport = new BigQueryTransport(http, tokens, options.ApiRoot, options.Retry, timeProvider);
        Datasets = new DatasetsClient(transport);
        Tables = new TablesClient(transport);
        Jobs = new JobsClient(transport, options, timeProvider);
        _destinations = new DestinationPreparer(Datasets, Tables, options.Location);
        _loader = new PartLoader(Jobs, new ResumableUpload(transport, options.UploadChunkSize));
        _finisher = new TableFinisher(_destinations, Tables, Jobs);
        _items = new ItemPartLoader(Jobs, _loader, staging);
    }

    public BigQueryClientOptions Options { get; }

    public DatasetsClient Datasets { get; }

    public TablesClient Tables { get; }

    public JobsClient Jobs { get; }

    /// <summary>Load jobs this process runs at once into each staging table.</summary>
    internal LoadSlots LoadSlots => _items.Slots;

    /// <summary>
    /// Prepares every table's destination and staging table. A problem with one table (a schema conflict, a layout
    /// BigQuery refuses) fails that table alone: its items report it. A problem with the destination as a whole
    /// (unreachable, no access, a dataset in another location) ends the run here, before any lane starts.
    /// </summary>
    /// <exception cref="DestinationException">The destination cannot be used at all.</exception>
    public async Task PrepareAsync(RunManifest manifest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var checkedDatasets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in manifest.Tables.Where(table => table.PlanError is null))
        {
            var target = RunTableTarget.Of(manifest, table);
            try
            {
                var destination = target.Destination.Table;
                if (checkedDatasets.Add($"{destination.ProjectId}.{destination.DatasetId}"))
                {
                    await CheckDatasetLocationAsync(destination, cancellationToken);
                }

                var prepared = await EnsureDestinationAsync(target.Destination, cancellationToken);
                await Tables.CreateLikeAsync(target.Staging, prepared, StagingDescription, _timeProvider.GetUtcNow() + StagingExpiry, cancellationToken);
                _unprepared.TryRemove(table.OutTable, out _);
            }
            catch (Exception exception) when (IsProblemOfThisTable(exception))
            {
                _unprepared[table.OutTable] = exception;
            }
            catch (Exception exception) when (exception is BigQueryException or HttpRequestException or ArgumentException)
            {
                throw new DestinationException($"BigQuery destination {target.Destination.Table} ({Options.Location}) could not be prepared for {table.SourceName}: {exception.Message}", exception);
            }
        }
    }

    public async Task<long?> LoadItemAsync(RunManifest manifest, ManifestTable table, ManifestItem item, ExtractedItem extracted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(extracted);
        var target = RunTableTarget.Of(manifest, table);
        if (_unprepared.TryGetValue(table.OutTable, out var problem))
        {
            throw new DestinationException($"{target.Destination.Table} could not be prepared, so {table.SourceName} cannot load: {problem.Message}", problem);
        }

        return await _items.LoadAsync(manifest, table, item, extracted, target, cancellationToken);
    }

    public async Task<TableLanding> LandTableAsync(RunManifest manifest, ManifestTable table, IReadOnlyList<ItemStatus> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        var target = RunTableTarget.Of(manifest, table);
        try
        {
            var result = await LandStagingAsync(target.Destination, target.Staging, items.Sum(item => item.Rows ?? 0), cancellationToken);
            return new TableLanding(result.Destination.ToString(), result.StagedRows);
        }
        catch (RowCountMismatchException exception)
        {
            throw new ReconciliationException(exception.Message, exception);
        }
        catch (Exception exception) when (exception is BigQueryException or SchemaConflictException or DestinationLayoutException)
        {
            throw new DestinationException($"{table.SourceName} did not land in {target.Destination.Table} ({table.Mode}); the destination is unchanged: {exception.Message}", exception);
        }
    }

    /// <summary>Creates the dataset (if asked) and the destination table, or adds new columns to it.</summary>
    /// <exception cref="SchemaConflictException">A column changed type or mode, or disappeared.</exception>
    /// <exception cref="DestinationLayoutException">The table exists with other partitioning/clustering.</exception>
    public Task<BigQueryTable> EnsureDestinationAsync(DestinationSpec spec, CancellationToken cancellationToken) =>
        _destinations.EnsureAsync(spec, cancellationToken);

    /// <summary>
    /// Creates (or finds) a staging table with <paramref name="destination"/>'s schema, partitioning and clustering,
    /// expiring after <paramref name="expiresAfter"/>. A run creates its staging tables from the destination as
    /// BigQuery returns it (<see cref="TablesClient.CreateLikeAsync"/>), so the landing copy keeps its metadata.
    /// </summary>
    public Task<BigQueryTable> CreateStagingTableAsync(TableId staging, TableDefinition destination, TimeSpan expiresAfter, CancellationToken cancellationToken) =>
        Tables.CreateAsync(staging, destination with { Description = StagingDescription, ExpirationTime = _timeProvider.GetUtcNow() + expiresAfter }, cancellationToken);

    /// <summary>Loads one gzip CSV part with one load job (id from <see cref="JobIds.Create"/>) and returns the rows BigQuery loaded.</summary>
    /// <exception cref="BigQueryException">The load failed; the message carries BigQuery's first errors with their positions.</exception>
    public Task<long> LoadPartAsync(TableId stagingTable, Func<CancellationToken, Task<Stream>> partStreamFactory, string jobId, BigQueryTableSchema schema, CancellationToken cancellationToken) =>
        LoadPartAsync(stagingTable, partStreamFactory, jobId, schema, new CsvLoadOptions(), cancellationToken);

    public Task<long> LoadPartAsync(TableId stagingTable, Func<CancellationToken, Task<Stream>> partStreamFactory, string jobId, BigQueryTableSchema schema, CsvLoadOptions options, CancellationToken cancellationToken) =>
        LoadPartAsync(stagingTable, PartSource.FromStart(partStreamFactory), jobId, schema, options, cancellationToken);

    /// <summary>Loads one part read from a source that reopens at any offset, so a dropped read resumes where it stopped.</summary>
    public Task<long> LoadPartAsync(TableId stagingTable, PartSource part, string jobId, BigQueryTableSchema schema, CsvLoadOptions options, CancellationToken cancellationToken) =>
        _loader.LoadAsync(stagingTable, part, jobId, schema, options, cancellationToken);

    /// <summary>Reconciles counts, lands the staging table per <see cref="DestinationSpec.Mode"/>, then drops staging (best effort).</summary>
    /// <exception cref="RowCountMismatchException">The staged rows differ from <paramref name="expectedRows"/>; nothing landed.</exception>
    public Task<FinishResult> LandStagingAsync(DestinationSpec spec, TableId stagingTable, long expectedRows, CancellationToken cancellationToken) =>
        _finisher.FinishAsync(spec, stagingTable, expectedRows, cancellationToken);

    /// <summary>Conflicts with the existing table, or a table definition BigQuery calls invalid; access and network trouble are not.</summary>
    private static bool IsProblemOfThisTable(Exception exception)
        => exception is SchemaConflictException or DestinationLayoutException or BigQueryException { Reason: "invalid" };

    /// <summary>Jobs run in the configured location; a dataset elsewhere would fail every job, so say so up front.</summary>
    private async Task CheckDatasetLocationAsync(TableId table, CancellationToken cancellationToken)
    {
        var location = await Datasets.GetLocationAsync(table.ProjectId, table.DatasetId, cancellationToken);
        if (location is { Length: > 0 } && !string.Equals(location, Options.Location, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"dataset {table.ProjectId}.{table.DatasetId} is in {location}, but destination.location is {Options.Location}; set destination.location to {location}.");
        }
    }
}
