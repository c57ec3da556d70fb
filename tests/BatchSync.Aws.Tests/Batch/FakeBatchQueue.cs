using System.Net;
using System.Text.Json.Nodes;
using BatchSync.Aws.Fake;

namespace BatchSync.Aws.Tests.Batch;

/// <summary>
/// AWS Batch behaviour behind the strict JSON fake: submitted jobs with ids, array children, and a status each job
/// moves through one step per DescribeJobs call (SUBMITTED → RUNNABLE → RUNNING → final), so a waiting launcher sees a real progression.
/// </summary>
public sealed class FakeBatchQueue
{
    private static readonly string[] Progression = ["SUBMITTED", "RUNNABLE", "RUNNING"];
    private readonly Dictionary<string, FakeJob> _jobs = new(StringComparer.Ordinal);
    private int _nextId;

    public FakeBatchQueue(AwsJsonFake fake)
    {
        fake.Handle("SubmitJob", Submit);
        fake.Handle("DescribeJobs", Describe);
        fake.Handle("ListJobs", List);
        fake.Handle("TerminateJob", Terminate);
    }

    /// <summary>SubmitJob calls that fail before Batch creates the job (a 503 from the front end).</summary>
    public int RefuseSubmits { get; set; }

    /// <summary>SubmitJob calls that create the job but whose answer is lost (a 500 after the work was done).</summary>
    public int LoseSubmitAnswers { get; set; }

    /// <summary>The lanes (array indexes) that will fail; a plain job fails when it contains 0.</summary>
    public HashSet<int> FailingLanes { get; } = [];

    public IReadOnlyCollection<FakeJob> Jobs => _jobs.Values;

    private FakeAnswer Submit(JsonObject body)
    {
        if (RefuseSubmits > 0)
        {
            RefuseSubmits--;
            return FakeAnswer.Error(HttpStatusCode.ServiceUnavailable, "ServerException", "Service unavailable.");
        }

        var id = $"job-{++_nextId:D4}";
        var size = body["arrayProperties"]?["size"]?.GetValue<int>();
        if (size is < 2 or > 10_000)
        {
            return FakeAnswer.Error(HttpStatusCode.BadRequest, "ClientException", "Array size must be between 2 and 10000.");
        }

        _jobs[id] = new FakeJob(id, body["jobName"]!.GetValue<string>(), size, body.DeepClone().AsObject(), [.. FailingLanes]);
        if (LoseSubmitAnswers > 0)
        {
            LoseSubmitAnswers--;
            return FakeAnswer.Error(HttpStatusCode.InternalServerError, "ServerException", "We encountered an internal error. Please try again.");
        }

        return FakeAnswer.Ok(new JsonObject { ["jobArn"] = $"arn:aws:batch:ap-northeast-1:123456789012:job/{id}", ["jobName"] = _jobs[id].Name, ["jobId"] = id });
    }

    private FakeAnswer Describe(JsonObject body)
    {
        var jobs = new JsonArray();
        foreach (var id in body["jobs"]!.AsArray().Select(j => j!.GetValue<string>()))
        {
            if (_jobs.TryGetValue(id, out var job))
            {
                jobs.Add(job.Describe());
            }
        }

        return FakeAnswer.Ok(new JsonObject { ["jobs"] = jobs });
    }

    /// <summary>Adds a job another run submitted earlier, already finished.</summary>
    public FakeJob AddFinished(string name, string status)
    {
        var id = $"job-{++_nextId:D4}";
        var job = new FakeJob(id, name, null, new JsonObject { ["jobQueue"] = "batchsync-queue", ["jobDefinition"] = "work-def:7" }, status == "FAILED" ? [0] : []);
        job.Finish();
        _jobs[id] = job;
        return job;
    }

    private FakeAnswer List(JsonObject body)
        => BatchJobListing.Answer(
            body,
            _jobs.Values.Select(j => j.Summary()),
            arrayId => _jobs.TryGetValue(arrayId, out var array) ? array.Children() : null);

    private FakeAnswer Terminate(JsonObject body)
    {
        if (!_jobs.TryGetValue(body["jobId"]!.GetValue<string>(), out var job))
        {
            return FakeAnswer.Error(HttpStatusCode.BadRequest, "ClientException", "Job not found.");
        }

        job.Terminate(body["reason"]!.GetValue<string>());
        return FakeAnswer.Ok([]);
    }

    public sealed class FakeJob(string id, string name, int? size, JsonObject request, int[] failingLanes)
    {
        private static long _clock;
        private int _step;
        private string? _terminatedBecause;

        public string Id { get; } = id;

        public string Name { get; } = name;

        public JsonObject Request { get; } = request;

        public long CreatedAt { get; } = Interlocked.Increment(ref _clock);

        public int Describes => _step;

        public string? TerminatedBecause => _terminatedBecause;

        public string Status => _terminatedBecause is not null ? "FAILED"
            : _step < Progression.Length ? Progression[_step]
            : failingLanes.Any(l => l < (size ?? 1)) ? "FAILED" : "SUCCEEDED";

        public void Terminate(string reason) => _terminatedBecause = reason;

        public void Finish() => _step = Progression.Length;

        public JsonObject Summary() => new()
        {
            ["jobArn"] = $"arn:aws:batch:ap-northeast-1:123456789012:job/{Id}",
            ["jobId"] = Id,
            ["jobName"] = Name,
            ["status"] = Status,
            ["createdAt"] = CreatedAt,
        };

        public JsonObject Describe()
        {
            var status = Status;
            _step++;
            // The fields the model marks required are in every DescribeJobs answer, even before the job started.
            var job = new JsonObject
            {
                ["jobArn"] = $"arn:aws:batch:ap-northeast-1:123456789012:job/{Id}",
                ["jobId"] = Id,
                ["jobName"] = Name,
                ["jobQueue"] = $"arn:aws:batch:ap-northeast-1:123456789012:job-queue/{Request["jobQueue"]!.GetValue<string>()}",
                ["jobDefinition"] = $"arn:aws:batch:ap-northeast-1:123456789012:job-definition/{Request["jobDefinition"]!.GetValue<string>()}",
                ["status"] = status,
                ["createdAt"] = CreatedAt,
                ["startedAt"] = status is "SUBMITTED" or "RUNNABLE" ? 0 : CreatedAt + 1,
            };
            if (status == "FAILED")
            {
                job["statusReason"] = _terminatedBecause ?? "Array Child Job failed";
            }

            if (size is { } n)
            {
                job["arrayProperties"] = new JsonObject { ["size"] = n, ["statusSummary"] = new JsonObject { [status] = n } };
            }

            return job;
        }

        public IEnumerable<JsonObject> Children()
            => Enumerable.Range(0, size ?? 0).Select(i =>
            {
                var child = new JsonObject
                {
                    ["jobId"] = $"{Id}:{i}",
                    ["jobName"] = Name,
                    ["status"] = failingLanes.Contains(i) ? "FAILED" : "SUCCEEDED",
                    ["createdAt"] = CreatedAt,
                    ["arrayProperties"] = new JsonObject { ["index"] = i },
                    ["container"] = new JsonObject { ["exitCode"] = failingLanes.Contains(i) ? 1 : 0 },
                };
                if (failingLanes.Contains(i))
                {
                    child["statusReason"] = "Essential container in task exited";
                }

                return child;
            });
    }
}
