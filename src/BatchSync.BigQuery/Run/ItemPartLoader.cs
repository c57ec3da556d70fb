using BatchSync.BigQuery.Http;
using BatchSync.BigQuery.Jobs;
using BatchSync.BigQuery.Loading;
using BatchSync.Core.Load;
using BatchSync.Core.Runs;
using BatchSync.Core.Stage;
using BatchSync.Core.Work;

namespace BatchSync.BigQuery.Run;

/// <summary>
/// Loads an item's staged parts into the run's staging table, one load job per part, streamed from staging.
/// Job ids derive from (run, workflow, destination table, item, part), so a retried item finds the jobs an earlier attempt started and no
/// row is appended twice. A load job appends all of its rows or none: only after a job with the id is known to have
/// failed does the part get another, also deterministic, id.
/// </summary>
internal sealed class ItemPartLoader(JobsClient jobs, PartLoader loader, IStagingStore staging)
{
    /// <summary>Failed load jobs a part may leave behind before the item gives up for this run.</summary>
    public const int MaxFailedJobsPerPart = 5;

    /// <summary>Load jobs running into each staging table (one process runs at most <see cref="LoadSlots.PerTable"/> per table).</summary>
    public LoadSlots Slots { get; } = new();

    public async Task<long> LoadAsync(RunManifest manifest, ManifestTable table, ManifestItem item, ExtractedItem extracted, RunTableTarget target, CancellationToken cancellationToken)
    {
        long loaded = 0;
        for (var index = 0; index < extracted.Parts.Count; index++)
        {
            loaded += await LoadPartAsync(manifest, table, item, index, extracted.Parts[index], target, cancellationToken);
        }

        return loaded;
    }

    private async Task<long> LoadPartAsync(RunManifest manifest, ManifestTable table, ManifestItem item, int index, StagedPart part, RunTableTarget target, CancellationToken cancellationToken)
    {
        var stagingTable = target.Staging;
        var name = manifest.Layout.ItemPrefix(table.OutTable, item.Id) + part.Name;
        var jobId = await ChooseJobIdAsync(manifest.RunId, $"{target.Destination.JobScope}/{item.Id}", index, name, cancellationToken);
        long rows;
        using (await Slots.TakeAsync(stagingTable, cancellationToken))
        {
            try
            {
                var source = new PartSource((offset, ct) => OpenPartAsync(name, offset, ct), part.CompressedBytes);
                rows = await loader.LoadAsync(stagingTable, source, jobId, table.Schema, new CsvLoadOptions(), cancellationToken);
            }
            catch (BigQueryException exception)
            {
                var message = $"BigQuery did not load part {part.Name} of {table.SourceName} (item {item.Id}) into {stagingTable}: {exception.Message}";
                throw RetryableFailure.IsTransientJobFailure(exception.Reason)
                    ? new TransientException(message, exception)
                    : new DestinationException(message, exception);
            }
        }

        if (rows != part.Rows)
        {
            throw new ReconciliationException(
                $"BigQuery loaded {rows} rows from part {part.Name} of {table.SourceName} (item {item.Id}, job {jobId}), but the part holds {part.Rows}. "
                + $"An earlier attempt of run {manifest.RunId} loaded this part from other data; start a new run (another --run-id) to reload the table.");
        }

        return rows;
    }

    private async Task<string> ChooseJobIdAsync(string runId, string item, int part, string name, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxFailedJobsPerPart; attempt++)
        {
            var jobId = JobIds.Create(runId, item, part, attempt == 0 ? "load" : $"load_retry{attempt}");
            var earlier = await jobs.GetAsync(jobs.Reference(jobId), cancellationToken);
            if (earlier is not { IsDone: true, ErrorResult: not null })
            {
                return jobId;
            }
        }

        throw new DestinationException($"Part {name} failed to load {MaxFailedJobsPerPart} times in run {runId}; see the item's earlier errors, fix the cause and start a new run.");
    }

    private async Task<Stream> OpenPartAsync(string name, long offset, CancellationToken cancellationToken)
        => await staging.OpenReadAsync(name, offset, cancellationToken)
            ?? throw new FileNotFoundException($"Staged part {name} is missing from {staging.Location}; the item must be extracted again.", name);
}
