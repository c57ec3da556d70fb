using System.Text.RegularExpressions;
using BatchSync.Core.Launch;
using BatchSync.Core.Runs;

namespace BatchSync.Aws.Batch;

/// <summary>
/// Runs a manifest's lanes as an AWS Batch array job (one child per lane, each running <c>batchsync work</c>) and waits
/// for it. A retried parent re-attaches: it finds the job it submitted (launch.json, or by its deterministic name) and
/// waits on it; if that job already ended in failure, it submits a new one — the children skip items already done.
/// </summary>
public sealed partial class BatchArrayLauncher(BatchClient batch, IRunDocuments documents, BatchLaunchOptions options, TimeProvider? time = null) : IJobLauncher
{
    private const int MaxSubmitAttempts = 4;

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public async Task<LaunchResult> RunLanesAsync(RunManifest manifest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        options.Validate();
        var record = await AttachOrSubmitAsync(manifest, cancellationToken);
        BatchJobStatus status;
        try
        {
            status = await WaitAsync(record.JobId, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The parent is being stopped (its own job was terminated): take the lanes down with it.
            await batch.TerminateAsync(record.JobId, "The BatchSync run job was cancelled.", CancellationToken.None);
            throw;
        }

        if (status.Succeeded)
        {
            return new LaunchResult(manifest.Lanes, []);
        }

        var failures = manifest.Lanes >= 2
            ? (await batch.FailedChildrenAsync(record.JobId, cancellationToken)).Select(f => f.ToString()).ToList()
            : [$"Lane 0 ({record.JobId}) failed: {status.StatusReason ?? "no reason given"}"];
        return new LaunchResult(manifest.Lanes, failures.Count > 0 ? failures : [$"Array job {record.JobId} failed: {status.StatusReason ?? "no reason given"}"]);
    }

    private async Task<BatchLaunchRecord> AttachOrSubmitAsync(RunManifest manifest, CancellationToken cancellationToken)
    {
        var key = LaunchRecordKey(manifest);
        var previous = BatchLaunchRecord.FromJson(await documents.ReadAsync(key, cancellationToken));
        var submission = previous?.Submission ?? 1;
        if (previous is not null)
        {
            var status = await batch.DescribeAsync(previous.JobId, cancellationToken);
            if (status is not null && (!status.IsFinished || status.Succeeded))
            {
                return previous;
            }

            submission = previous.Submission + 1;
        }
        else if (await FindSubmittedAsync(JobName(manifest, submission), cancellationToken) is { } orphan)
        {
            // An earlier attempt submitted but died before recording it.
            var adopted = new BatchLaunchRecord(orphan, JobName(manifest, submission), manifest.Lanes, submission, _time.GetUtcNow());
            await documents.WriteAsync(key, adopted.ToJson(), cancellationToken);
            return adopted;
        }

        // Submitting and recording are not cancelled halfway: a job submitted but unknown to us could not be terminated.
        // A cancellation that arrives meanwhile is seen by the wait that follows, which terminates the job.
        var name = JobName(manifest, submission);
        var jobId = await SubmitAsync(Submission(manifest, name));
        var record = new BatchLaunchRecord(jobId, name, manifest.Lanes, submission, _time.GetUtcNow());
        await documents.WriteAsync(key, record.ToJson(), CancellationToken.None);
        return record;
    }

    /// <summary>
    /// SubmitJob has no idempotency token: a retry after a lost answer would start a second array job. So after a
    /// transient failure the job is looked up by its (unique per run and submission) name, and submitted again only
    /// when Batch does not know it.
    /// </summary>
    private async Task<string> SubmitAsync(BatchSubmission submission)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await batch.SubmitAsync(submission, CancellationToken.None);
            }
            catch (AwsServiceException exception) when (exception.IsTransient && attempt < MaxSubmitAttempts)
            {
                // ListJobs shows a job some moments after SubmitJob accepted it: wait a poll interval before looking.
                await Task.Delay(options.PollInterval * attempt, _time, CancellationToken.None);
                if (await FindSubmittedAsync(submission.JobName, CancellationToken.None) is { } submitted)
                {
                    return submitted;
                }
            }
        }
    }

    private async Task<string?> FindSubmittedAsync(string jobName, CancellationToken cancellationToken)
    {
        var jobs = await batch.FindByNameAsync(options.JobQueue, jobName, cancellationToken);
        return jobs.Where(j => j.Status is not "FAILED").Select(j => j.JobId).FirstOrDefault();
    }

    private BatchSubmission Submission(RunManifest manifest, string name)
    {
        var manifestAddress = documents.AddressOf(manifest.Layout.Manifest);
        var command = manifest.Lanes >= 2 ? new[] { "work", manifestAddress } : ["work", manifestAddress, "--lane", "0"];
        return new BatchSubmission(
            name,
            options.JobQueue,
            options.WorkJobDefinition,
            manifest.Lanes,
            command,
            new Dictionary<string, string> { ["BATCHSYNC_RUN"] = manifestAddress },
            options.Attempts,
            new Dictionary<string, string> { ["batchsync:workflow"] = manifest.Workflow, ["batchsync:run-id"] = manifest.RunId });
    }

    private async Task<BatchJobStatus> WaitAsync(string jobId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var status = await batch.DescribeAsync(jobId, cancellationToken)
                ?? throw new InvalidOperationException($"AWS Batch no longer knows job {jobId} (jobs are forgotten about 7 days after they end).");
            if (status.IsFinished)
            {
                return status;
            }

            await Task.Delay(options.PollInterval, _time, cancellationToken);
        }
    }

    private static string LaunchRecordKey(RunManifest manifest) => manifest.Layout.RunPrefix + "launch.json";

    /// <summary>Batch job names: up to 128 letters, digits, hyphens and underscores.</summary>
    internal static string JobName(RunManifest manifest, int submission)
    {
        var name = UnsafeNameCharacters().Replace($"batchsync-{manifest.Workflow}-{manifest.RunId}-{submission}", "_");
        return name.Length <= 128 ? name : "b" + name[^127..];
    }

    [GeneratedRegex("[^A-Za-z0-9_-]")]
    private static partial Regex UnsafeNameCharacters();
}
