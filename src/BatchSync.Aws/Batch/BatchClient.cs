using System.Text.Json.Nodes;
using BatchSync.Aws.Json;

namespace BatchSync.Aws.Batch;

/// <summary>The AWS Batch operations a run uses: SubmitJob, DescribeJobs, ListJobs and TerminateJob (REST-JSON, SigV4).</summary>
public sealed class BatchClient(AwsJsonClient client)
{
    public const string ServiceId = "Batch";
    public const string SigningName = "batch";

    /// <summary>
    /// Submits the job once and returns its id. SubmitJob has no idempotency token, so it is never retried here: after
    /// a transient failure the job may exist, and only a lookup by name (<see cref="FindByNameAsync"/>) can tell.
    /// </summary>
    public async Task<string> SubmitAsync(BatchSubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var request = new JsonObject
        {
            ["jobName"] = submission.JobName,
            ["jobQueue"] = submission.JobQueue,
            ["jobDefinition"] = submission.JobDefinition,
            ["containerOverrides"] = new JsonObject
            {
                ["command"] = new JsonArray(submission.Command.Select(c => (JsonNode)JsonValue.Create(c)).ToArray()),
                ["environment"] = new JsonArray(submission.Environment
                    .Select(e => (JsonNode)new JsonObject { ["name"] = e.Key, ["value"] = e.Value }).ToArray()),
            },
            ["retryStrategy"] = new JsonObject { ["attempts"] = submission.Attempts },
            ["propagateTags"] = true,
            ["tags"] = new JsonObject(submission.Tags.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)JsonValue.Create(t.Value)))),
        };
        // Batch rejects arrays of size 1: a single lane is a plain job.
        if (submission.Size >= 2)
        {
            request["arrayProperties"] = new JsonObject { ["size"] = submission.Size };
        }

        var answer = await client.CallOnceAsync("/v1/submitjob", request, cancellationToken);
        return answer["jobId"]?.GetValue<string>() ?? throw new AwsServiceException("BadResponse", "SubmitJob answered without a jobId.", null);
    }

    public async Task<BatchJobStatus?> DescribeAsync(string jobId, CancellationToken cancellationToken)
    {
        var answer = await client.CallAsync("/v1/describejobs", new JsonObject { ["jobs"] = new JsonArray(jobId) }, cancellationToken);
        var job = answer["jobs"]?.AsArray().FirstOrDefault();
        if (job is null)
        {
            return null;
        }

        var summary = job["arrayProperties"]?["statusSummary"]?.AsObject()
            .ToDictionary(p => p.Key, p => p.Value?.GetValue<int>() ?? 0, StringComparer.Ordinal);
        return new BatchJobStatus(
            job["jobId"]!.GetValue<string>(),
            job["status"]!.GetValue<string>(),
            job["statusReason"]?.GetValue<string>(),
            job["arrayProperties"]?["size"]?.GetValue<int>(),
            summary ?? new Dictionary<string, int>(StringComparer.Ordinal));
    }

    /// <summary>Jobs on a queue with exactly this name, newest first (finds a job submitted by an attempt that died before recording it).</summary>
    public async Task<IReadOnlyList<(string JobId, string Status, long CreatedAt)>> FindByNameAsync(string jobQueue, string jobName, CancellationToken cancellationToken)
    {
        var request = new JsonObject
        {
            ["jobQueue"] = jobQueue,
            ["filters"] = new JsonArray(new JsonObject { ["name"] = "JOB_NAME", ["values"] = new JsonArray(jobName) }),
        };
        return (await ListJobsAsync(request, cancellationToken))
            .Where(j => j["jobName"]?.GetValue<string>() == jobName)
            .Select(j => (j["jobId"]!.GetValue<string>(), j["status"]?.GetValue<string>() ?? "UNKNOWN", j["createdAt"]?.GetValue<long>() ?? 0))
            .OrderByDescending(j => j.Item3)
            .ToList();
    }

    /// <summary>The failed children of an array job, with their exit codes and reasons.</summary>
    public async Task<IReadOnlyList<BatchChildFailure>> FailedChildrenAsync(string arrayJobId, CancellationToken cancellationToken)
        => (await ListJobsAsync(new JsonObject { ["arrayJobId"] = arrayJobId, ["jobStatus"] = "FAILED" }, cancellationToken))
            .Select(j => new BatchChildFailure(
                j["arrayProperties"]?["index"]?.GetValue<int>() ?? 0,
                j["jobId"]!.GetValue<string>(),
                j["statusReason"]?.GetValue<string>() ?? j["container"]?["reason"]?.GetValue<string>(),
                j["container"]?["exitCode"]?.GetValue<int>(),
                null))
            .OrderBy(f => f.Lane)
            .ToList();

    /// <summary>Every job summary ListJobs answers for <paramref name="request"/>, following nextToken through all pages.</summary>
    private async Task<List<JsonNode>> ListJobsAsync(JsonObject request, CancellationToken cancellationToken)
    {
        var summaries = new List<JsonNode>();
        while (true)
        {
            var answer = await client.CallAsync("/v1/listjobs", request, cancellationToken);
            summaries.AddRange((answer["jobSummaryList"]?.AsArray() ?? []).OfType<JsonNode>());
            if (answer["nextToken"]?.GetValue<string>() is not { } nextToken)
            {
                return summaries;
            }

            request["nextToken"] = nextToken;
        }
    }

    public Task TerminateAsync(string jobId, string reason, CancellationToken cancellationToken)
        => client.CallAsync("/v1/terminatejob", new JsonObject { ["jobId"] = jobId, ["reason"] = reason }, cancellationToken);
}
