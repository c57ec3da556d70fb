using System.Text.Json.Nodes;

namespace BatchSync.Cli.Tests.Aws;

/// <summary>One submitted job: its request as Batch received it and one <see cref="BatchChildProcess"/> per array index.</summary>
internal sealed class ProcessBatchJob
{
    private static long _clock;
    private readonly IReadOnlyList<BatchChildProcess> _children;
    private string? _terminatedBecause;

    private ProcessBatchJob(string id, JsonObject request, IReadOnlyList<BatchChildProcess> children)
    {
        Id = id;
        Request = request;
        _children = children;
    }

    public string Id { get; }

    public JsonObject Request { get; }

    public string Name => Request["jobName"]!.GetValue<string>();

    public int? Size => Request["arrayProperties"]?["size"]?.GetValue<int>();

    public long CreatedAt { get; } = Interlocked.Increment(ref _clock);

    public IReadOnlyList<string> Command => [.. Request["containerOverrides"]!["command"]!.AsArray().Select(c => c!.GetValue<string>())];

    public IReadOnlyList<BatchChildProcess> Children => _children;

    public static ProcessBatchJob Start(string id, JsonObject request, IReadOnlyDictionary<string, string?> awsEnvironment)
    {
        var overrides = request["containerOverrides"]!;
        var command = overrides["command"]!.AsArray().Select(c => c!.GetValue<string>()).ToArray();
        var environment = new Dictionary<string, string?>(awsEnvironment, StringComparer.Ordinal);
        foreach (var pair in overrides["environment"]?.AsArray() ?? [])
        {
            environment[pair!["name"]!.GetValue<string>()] = pair["value"]!.GetValue<string>();
        }

        var attempts = request["retryStrategy"]?["attempts"]?.GetValue<int>() ?? 1;
        var size = request["arrayProperties"]?["size"]?.GetValue<int>();
        var children = size is { } n
            ? Enumerable.Range(0, n).Select(i => BatchChildProcess.Start($"{id}:{i}", i, command, environment, attempts)).ToList()
            : [BatchChildProcess.Start(id, index: null, command, environment, attempts)];
        return new ProcessBatchJob(id, request, children);
    }

    public string Status
    {
        get
        {
            if (_children.Any(c => c.Status == "RUNNING"))
            {
                return "RUNNING";
            }

            return _terminatedBecause is null && _children.All(c => c.Status == "SUCCEEDED") ? "SUCCEEDED" : "FAILED";
        }
    }

    public void Terminate(string reason)
    {
        _terminatedBecause ??= reason;
        foreach (var child in _children)
        {
            child.Terminate();
        }
    }

    public Task WaitAsync() => Task.WhenAll(_children.Select(c => c.Completion));

    public JsonObject Describe()
    {
        var status = Status;
        // The fields the model marks required are in every DescribeJobs answer.
        var job = new JsonObject
        {
            ["jobId"] = Id,
            ["jobName"] = Name,
            ["jobQueue"] = Request["jobQueue"]!.GetValue<string>(),
            ["jobDefinition"] = Request["jobDefinition"]!.GetValue<string>(),
            ["status"] = status,
            ["createdAt"] = CreatedAt,
            ["startedAt"] = CreatedAt,
        };
        if (status == "FAILED")
        {
            job["statusReason"] = _terminatedBecause ?? (Size is null ? "Essential container in task exited" : "Array Child Job failed");
        }

        if (Size is { } n)
        {
            var summary = new JsonObject();
            foreach (var group in _children.GroupBy(c => c.Status))
            {
                summary[group.Key] = group.Count();
            }

            job["arrayProperties"] = new JsonObject { ["size"] = n, ["statusSummary"] = summary };
        }

        return job;
    }

    public JsonObject Summary() => new() { ["jobId"] = Id, ["jobName"] = Name, ["status"] = Status, ["createdAt"] = CreatedAt };

    public IEnumerable<JsonObject> ChildSummaries() => _children.Select(c => c.Summary(Name));
}
