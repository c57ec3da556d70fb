using BatchSync.BigQuery.Http;

namespace BatchSync.BigQuery;

/// <summary>Where and how the client talks to BigQuery.</summary>
public sealed record BigQueryClientOptions
{
    public static readonly Uri DefaultApiRoot = new("https://bigquery.googleapis.com/");

    /// <summary>The project that runs (and is billed for) jobs.</summary>
    public required string ProjectId { get; init; }

    /// <summary>The location jobs run in (e.g. US, EU, asia-northeast1). Sent with every job.</summary>
    public required string Location { get; init; }

    /// <summary>The API root; override for an emulator (e.g. http://127.0.0.1:9050/).</summary>
    public Uri ApiRoot { get; init; } = DefaultApiRoot;

    public RetryOptions Retry { get; init; } = new();

    /// <summary>The first wait between jobs.get polls; it doubles up to <see cref="MaxPollInterval"/>.</summary>
    public TimeSpan InitialPollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxPollInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Bytes per upload request; a multiple of 256 KiB.</summary>
    public int UploadChunkSize { get; init; } = 16 * 1024 * 1024;

    /// <exception cref="ArgumentException">An option is missing or out of range.</exception>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ProjectId);
        ArgumentException.ThrowIfNullOrWhiteSpace(Location);
        if (!ApiRoot.IsAbsoluteUri)
        {
            throw new ArgumentException($"The BigQuery API root '{ApiRoot}' is not an absolute URI.", nameof(ApiRoot));
        }

        Retry.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(InitialPollInterval, TimeSpan.Zero, nameof(InitialPollInterval));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPollInterval, InitialPollInterval, nameof(MaxPollInterval));
        if (UploadChunkSize <= 0 || UploadChunkSize % Loading.ResumableUpload.ChunkGranularity != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(UploadChunkSize), UploadChunkSize, "The upload chunk size must be a positive multiple of 256 KiB.");
        }
    }
}
