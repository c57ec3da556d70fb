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

    /// <summary>The lanes (array indexes) that will fail; a plain job fails when it contains 0.</summary>
    public HashSet<int> FailingLanes { get; } = [];

    public IReadOnlyCollection<FakeJob> Jobs => _jobs.Values;

    private FakeAnswer Submit(JsonObject body)
    {
        var id = $"job-{++_nextId:D4}";
        var size = body["arrayProperties"]?["size"]?.GetValue<int>();
        if (size is < 2 or > 10_000)
        {
            return FakeAnswer.Error(HttpStatusCode.BadRequest, "ClientException", "Array size must be between 2 and 10000.");
        }

        _jobs[id] = new FakeJob(id, body["jobName"]!.GetValue<string>(), size, body.DeepClone().AsObject(), [.. FailingLanes]);
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

    private FakeAnswer List(JsonObject body)
    {
        IEnumerable<JsonObject> summaries;
        if (body["arrayJobId"]?.GetValue<string>() is { } arrayId && _jobs.TryGetValue(arrayId, out var array))
        {
            var status = body["jobStatus"]?.GetValue<string>();
            summaries = array.Children().Where(c => status is null || c["status"]!.GetValue<string>() == status);
        }
        else
        {
            var name = body["filters"]?[0]?["values"]?[0]?.GetValue<string>();
            summaries = _jobs.Values.Where(j => j.Name == name).Select(j => new JsonObject
            {
                ["jobId"] = j.Id,
                ["jobName"] = j.Name,
                ["status"] = j.Status,
                ["createdAt"] = j.CreatedAt,
            });
        }

        return FakeAnswer.Ok(new JsonObject { ["jobSummaryList"] = new JsonArray(summaries.Select(s => (JsonNode)s).ToArray()) });
    }

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

        public JsonObject Describe()
        {
            var status = Status;
            _step++;
            var job = new JsonObject { ["jobId"] = Id, ["jobName"] = Name, ["status"] = status };
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
            => Enumerable.Range(0, size ?? 0).Select(i => new JsonObject
            {
                ["jobId"] = $"{Id}:{i}",
                ["jobName"] = Name,
                ["status"] = failingLanes.Contains(i) ? "FAILED" : "SUCCEEDED",
                ["statusReason"] = failingLanes.Contains(i) ? "Essential container in task exited" : null,
                ["arrayProperties"] = new JsonObject { ["index"] = i },
                ["container"] = new JsonObject { ["exitCode"] = failingLanes.Contains(i) ? 1 : 0 },
            });
    }
}
