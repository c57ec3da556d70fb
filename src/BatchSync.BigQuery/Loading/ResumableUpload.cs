using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using BatchSync.BigQuery.Http;

namespace BatchSync.BigQuery.Loading;

/// <summary>
/// Google's resumable upload protocol for jobs.insert: POST the job resource to start a session (its URI comes back
/// in Location), then PUT the bytes in chunks with <c>Content-Range: bytes a-b/*</c> (the last one with the total).
/// Every chunk but the last is a multiple of 256 KiB. The server answers 308 with a Range header for what it holds;
/// after a dropped connection the client asks with <c>Content-Range: bytes */*</c> and resumes from there, reopening
/// the source (a ranged read) at that offset only when the bytes it needs are no longer in memory. Nothing is copied
/// to disk.
/// </summary>
internal sealed class ResumableUpload(BigQueryTransport transport, int chunkSize)
{
    public const int ChunkGranularity = 256 * 1024;
    private const int PermanentRedirect = 308;

    /// <summary>Starts a session; null when BigQuery says the job already exists (409).</summary>
    public async Task<Uri?> StartAsync(string projectId, JsonNode job, string operation, CancellationToken cancellationToken)
    {
        var uri = new Uri(transport.ApiRoot, $"upload/bigquery/v2/projects/{BigQueryTransport.Segment(projectId)}/jobs?uploadType=resumable");
        try
        {
            return await transport.RetryAsync(
                async token =>
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = BigQueryTransport.JsonContent(job) };
                    request.Headers.Add("X-Upload-Content-Type", "application/octet-stream");
                    using var response = await transport.SendAsync(request, token);
                    if (!response.IsSuccessStatusCode)
                    {
                        throw ErrorResponse.ToException(operation, response.StatusCode, await response.Content.ReadAsStringAsync(token));
                    }

                    var location = response.Headers.Location ?? throw new BigQueryException(operation, response.StatusCode, null, "The upload session response has no Location header.", []);
                    return location.IsAbsoluteUri ? location : new Uri(transport.ApiRoot, location);
                },
                cancellationToken);
        }
        catch (BigQueryException ex) when (ex.StatusCode == HttpStatusCode.Conflict)
        {
            return null;
        }
    }

    /// <summary>Uploads the whole stream to the session and returns the job resource BigQuery answers with.</summary>
    public async Task<JsonNode> UploadAsync(Uri session, PartSource part, string operation, CancellationToken cancellationToken)
    {
        var source = new ChunkSource(part, chunkSize);
        await using (source.ConfigureAwait(false))
        {
            long persisted = 0;
            var failures = 0;
            while (true)
            {
                UploadStep step;
                try
                {
                    var chunk = await source.ReadAsync(persisted, cancellationToken);
                    step = await PutAsync(session, chunk, operation, cancellationToken);
                }
                catch (Exception ex) when (RetryableFailure.IsRetryable(ex) && !cancellationToken.IsCancellationRequested && ++failures < transport.Retry.MaxAttempts)
                {
                    await Task.Delay(Backoff(failures), transport.TimeProvider, cancellationToken);
                    step = await QueryStatusAsync(session, operation, cancellationToken);
                }

                if (step.Job is not null)
                {
                    return step.Job;
                }

                if (step.Persisted > persisted)
                {
                    failures = 0;
                }

                persisted = step.Persisted;
            }
        }
    }

    private async Task<UploadStep> PutAsync(Uri session, Chunk chunk, string operation, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, session)
        {
            Content = new ReadOnlyMemoryContent(chunk.Bytes),
        };
        var total = chunk.IsLast ? (chunk.Offset + chunk.Bytes.Length).ToString(CultureInfo.InvariantCulture) : "*";
        request.Content.Headers.ContentRange = chunk.Bytes.Length == 0
            ? ContentRangeHeaderValue.Parse($"bytes */{total}")
            : ContentRangeHeaderValue.Parse($"bytes {chunk.Offset}-{chunk.Offset + chunk.Bytes.Length - 1}/{total}");
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var response = await transport.SendAsync(request, cancellationToken);
        return await ReadStepAsync(response, operation, cancellationToken);
    }

    private async Task<UploadStep> QueryStatusAsync(Uri session, string operation, CancellationToken cancellationToken) =>
        await transport.RetryAsync(
            async token =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Put, session) { Content = new ByteArrayContent([]) };
                request.Content.Headers.TryAddWithoutValidation("Content-Range", "bytes */*");
                using var response = await transport.SendAsync(request, token);
                return await ReadStepAsync(response, operation, token);
            },
            cancellationToken);

    private static async Task<UploadStep> ReadStepAsync(HttpResponseMessage response, string operation, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if ((int)response.StatusCode == PermanentRedirect)
        {
            return new UploadStep(PersistedBytes(response), null);
        }

        if (!response.IsSuccessStatusCode)
        {
            throw ErrorResponse.ToException(operation, response.StatusCode, body);
        }

        return new UploadStep(0, JsonNode.Parse(body) ?? throw new BigQueryException(operation, response.StatusCode, null, "The upload finished without a job resource.", []));
    }

    // "Range: bytes=0-N" means bytes 0..N are stored; no header means nothing is.
    private static long PersistedBytes(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Range", out var values))
        {
            return 0;
        }

        var range = values.First();
        var dash = range.LastIndexOf('-');
        return dash < 0 ? 0 : long.Parse(range.AsSpan(dash + 1), CultureInfo.InvariantCulture) + 1;
    }

    private TimeSpan Backoff(int failures)
    {
        var delay = transport.Retry.InitialDelay * Math.Pow(2, failures - 1);
        return delay > transport.Retry.MaxDelay ? transport.Retry.MaxDelay : delay;
    }

    private sealed record UploadStep(long Persisted, JsonNode? Job);
}
