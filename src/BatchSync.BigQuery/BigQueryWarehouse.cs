using BatchSync.BigQuery.Auth;
using BatchSync.BigQuery.Finishing;
using BatchSync.BigQuery.Http;
using BatchSync.BigQuery.Jobs;
using BatchSync.BigQuery.Loading;
using BatchSync.BigQuery.Tables;
using BatchSync.Core.Schema;

namespace BatchSync.BigQuery;

/// <summary>
/// What the run pipeline needs from BigQuery: prepare a destination, create a per-run staging table, load staged
/// parts into it, and land it in the destination. The lower-level clients are exposed for everything else.
/// </summary>
public sealed class BigQueryWarehouse
{
    private readonly DestinationPreparer _destinations;
    private readonly PartLoader _loader;
    private readonly TableFinisher _finisher;
    private readonly TimeProvider _timeProvider;

    public BigQueryWarehouse(HttpClient http, IAccessTokenSource tokens, BigQueryClientOptions options, TimeProvider? timeProvider = null)
    {
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
    }

    public BigQueryClientOptions Options { get; }

    public DatasetsClient Datasets { get; }

    public TablesClient Tables { get; }

    public JobsClient Jobs { get; }

    /// <summary>Creates the dataset (if asked) and the destination table, or adds new columns to it.</summary>
    /// <exception cref="SchemaConflictException">A column changed type or mode, or disappeared.</exception>
    /// <exception cref="DestinationLayoutException">The table exists with other partitioning/clustering.</exception>
    public Task<BigQueryTable> EnsureDestinationAsync(DestinationSpec spec, CancellationToken cancellationToken) =>
        _destinations.EnsureAsync(spec, cancellationToken);

    /// <summary>
    /// Creates (or finds) the run's staging table with the destination's schema, partitioning and clustering — so the
    /// final copy keeps them — expiring after <paramref name="expiresAfter"/>.
    /// </summary>
    public Task<BigQueryTable> CreateStagingTableAsync(TableId staging, TableDefinition destination, TimeSpan expiresAfter, CancellationToken cancellationToken) =>
        Tables.CreateAsync(staging, destination with { Description = $"BatchSync staging table; expires on its own.", ExpirationTime = _timeProvider.GetUtcNow() + expiresAfter }, cancellationToken);

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
    public Task<FinishResult> FinishTableAsync(DestinationSpec spec, TableId stagingTable, long expectedRows, CancellationToken cancellationToken) =>
        _finisher.FinishAsync(spec, stagingTable, expectedRows, cancellationToken);
}
