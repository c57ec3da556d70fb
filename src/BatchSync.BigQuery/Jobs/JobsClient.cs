using System.Net;
using System.Text.Json.Nodes;
using BatchSync.BigQuery.Http;

namespace BatchSync.BigQuery.Jobs;

/// <summary>jobs.insert and jobs.get, with "a duplicate id means: use the job that exists" and polling until DONE.</summary>
public sealed class JobsClient(BigQueryTransport transport, BigQueryClientOptions options, TimeProvider timeProvider)
{
    public JobReference Reference(string jobId) => new(options.ProjectId, jobId, options.Location);

    /// <summary>Inserts a job; if a job with the same id exists (409), returns that job instead of starting another.</summary>
    public async Task<BigQueryJob> InsertAsync(JobReference reference, JsonObject configuration, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["jobReference"] = reference.ToJson(), ["configuration"] = configuration };
        try
        {
            var job = await transport.SendJsonAsync($"Starting job {reference.JobId}", HttpMethod.Post, $"bigquery/v2/projects/{BigQueryTransport.Segment(reference.ProjectId)}/jobs", body, cancellationToken);
            return BigQueryJob.FromJson(job ?? throw new BigQueryException($"Starting job {reference.JobId} returned no job resource"), reference);
        }
        catch (BigQueryException ex) when (ex.StatusCode == HttpStatusCode.Conflict)
        {
            var existing = await GetAsync(reference, cancellationToken);
            if (existing is null)
            {
                throw;
            }

            return existing;
        }
    }

    public async Task<BigQueryJob?> GetAsync(JobReference reference, CancellationToken cancellationToken)
    {
        var job = await transport.GetOrNullAsync($"Reading job {reference.JobId}", JobPath(reference), cancellationToken);
        return job is null ? null : BigQueryJob.FromJson(job, reference);
    }

    /// <summary>Polls jobs.get with growing intervals until the job is DONE; throws when it finished with an error.</summary>
    /// <exception cref="BigQueryException">The job failed; the exception carries BigQuery's first errors and their locations.</exception>
    public async Task<BigQueryJob> WaitAsync(BigQueryJob job, string what, CancellationToken cancellationToken)
    {
        var delay = options.InitialPollInterval;
        while (!job.IsDone)
        {
            await Task.Delay(delay, timeProvider, cancellationToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.MaxPollInterval.Ticks));
            job = await GetAsync(job.Reference, cancellationToken)
                ?? throw new BigQueryException($"{what} (job {job.Reference.JobId})", HttpStatusCode.NotFound, "notFound", "The job disappeared while it was polled.", []);
        }

        if (job.ErrorResult is { } error)
        {
            throw new BigQueryException($"{what} (job {job.Reference})", null, error.Reason, error.Message, job.Errors.Count > 0 ? job.Errors : [error]);
        }

        return job;
    }

    private static string JobPath(JobReference reference) =>
        $"bigquery/v2/projects/{BigQueryTransport.Segment(reference.ProjectId)}/jobs/{BigQueryTransport.Segment(reference.JobId)}?location={BigQueryTransport.Segment(reference.Location)}";
}
