using System.Net;
using System.Text.Json.Nodes;
using BatchSync.Aws.Fake;

namespace BatchSync.Cli.Tests.Aws;

/// <summary>
/// AWS Batch behind the strict JSON fake that really runs what is submitted: each array child (or the one plain job)
/// is a <c>batchsync</c> process with the submitted command and environment, the array index and job id Batch sets,
/// and the AWS environment of the test. A child that exits non-zero is started again up to the job's attempts.
/// A job is RUNNING until its children have exited, then SUCCEEDED when all of them exited 0, else FAILED.
/// </summary>
internal sealed class ProcessBatchQueue : IAsyncDisposable
{
    private readonly IReadOnlyDictionary<string, string?> _awsEnvironment;
    private readonly Dictionary<string, ProcessBatchJob> _jobs = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public ProcessBatchQueue(AwsJsonFake fake, IReadOnlyDictionary<string, string?> awsEnvironment)
    {
        _awsEnvironment = awsEnvironment;
        fake.Handle("SubmitJob", Submit);
        fake.Handle("DescribeJobs", Describe);
        fake.Handle("ListJobs", List);
        fake.Handle("TerminateJob", Terminate);
    }

    public IReadOnlyList<ProcessBatchJob> Jobs
    {
        get
        {
            lock (_gate)
            {
                return [.. _jobs.Values.OrderBy(j => j.CreatedAt)];
            }
        }
    }

    private FakeAnswer Submit(JsonObject body)
    {
        var size = body["arrayProperties"]?["size"]?.GetValue<int>();
        if (size is < 2 or > 10_000)
        {
            return FakeAnswer.Error(HttpStatusCode.BadRequest, "ClientException", "Array size must be between 2 and 10000.");
        }

        lock (_gate)
        {
            var id = Guid.NewGuid().ToString();
            var job = ProcessBatchJob.Start(id, body.DeepClone().AsObject(), _awsEnvironment);
            _jobs[id] = job;
            return FakeAnswer.Ok(new JsonObject { ["jobArn"] = $"arn:aws:batch:{_awsEnvironment["AWS_REGION"]}:123456789012:job/{id}", ["jobName"] = job.Name, ["jobId"] = id });
        }
    }

    private FakeAnswer Describe(JsonObject body)
    {
        var jobs = new JsonArray();
        foreach (var id in body["jobs"]!.AsArray().Select(j => j!.GetValue<string>()))
        {
            if (Find(id) is { } job)
            {
                jobs.Add(job.Describe());
            }
        }

        return FakeAnswer.Ok(new JsonObject { ["jobs"] = jobs });
    }

    private FakeAnswer List(JsonObject body)
        => BatchJobListing.Answer(body, Jobs.Select(j => j.Summary()), arrayId => Find(arrayId)?.ChildSummaries());

    private FakeAnswer Terminate(JsonObject body)
    {
        if (Find(body["jobId"]!.GetValue<string>()) is not { } job)
        {
            return FakeAnswer.Error(HttpStatusCode.BadRequest, "ClientException", "Job not found.");
        }

        job.Terminate(body["reason"]!.GetValue<string>());
        return FakeAnswer.Ok([]);
    }

    private ProcessBatchJob? Find(string id)
    {
        lock (_gate)
        {
            return _jobs.GetValueOrDefault(id);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var job in Jobs)
        {
            job.Terminate("the test ended");
            await job.WaitAsync();
        }
    }
}
