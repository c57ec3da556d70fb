using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BatchSync.BigQuery.Fake;

/// <summary>jobs.insert (metadata and upload endpoints) and jobs.get. Jobs run at once; polls can be made to wait.</summary>
internal sealed partial class JobHandlers(FakeBigQueryState state, ApiModel model, TimeProvider clock, FakeBigQueryOptions options, FaultInjector faults)
{
    public FakeResponse Insert(FakeRequest request)
    {
        var job = ValidateJob(request.Json(), request["projectId"]);
        if (job["configuration"]!["load"] is not null)
        {
            throw GoogleErrorException.Invalid("Load jobs without sourceUris must send their data to the upload endpoint.");
        }

        var (reference, location) = Reserve(job);
        return FakeResponse.Ok(Run(job, reference, location, upload: null));
    }

    public FakeResponse Get(FakeRequest request)
    {
        var jobId = request["jobId"];
        var location = request.Query("location");
        if (!state.Jobs.TryGetValue($"{request["projectId"]}.{jobId}", out var job) || !string.Equals(job.Location, location, StringComparison.OrdinalIgnoreCase))
        {
            throw GoogleErrorException.NotFound($"Job {request["projectId"]}:{location ?? "US"}.{jobId}");
        }

        if (job.HeldFor is not null || job.PollsUntilDone > 0)
        {
            job.PollsUntilDone = Math.Max(0, job.PollsUntilDone - 1);
            var running = job.Resource.DeepClone().AsObject();
            running["status"] = new JsonObject { ["state"] = "RUNNING" };
            running.Remove("statistics");
            return FakeResponse.Ok(running);
        }

        return FakeResponse.Ok(job.Resource.DeepClone());
    }

    /// <summary>Checks a job resource against the model and BigQuery's rules for client-chosen references.</summary>
    public JsonObject ValidateJob(JsonNode? body, string projectId)
    {
        var job = body ?? throw GoogleErrorException.Invalid("A job resource is required.");
        var problems = model.Validate(job, "Job", checkRequired: true);
        if (problems.Count > 0)
        {
            throw GoogleErrorException.Invalid("Invalid job: " + string.Join("; ", problems));
        }

        var reference = job["jobReference"] ?? throw GoogleErrorException.Invalid("BatchSync jobs carry a jobReference.");
        if (reference["projectId"]!.GetValue<string>() != projectId)
        {
            throw GoogleErrorException.Invalid("jobReference.projectId does not match the project in the request path.");
        }

        if (!JobIdRegex().IsMatch(reference["jobId"]!.GetValue<string>()))
        {
            throw GoogleErrorException.Invalid($"Invalid job ID \"{reference["jobId"]}\". Job IDs must be alphanumeric (plus underscores and dashes) and must be at most 1024 characters long.");
        }

        if (reference["location"] is null)
        {
            throw GoogleErrorException.Invalid("jobReference.location is missing: BatchSync always names the job's location (a job outside US/EU is not found without it).");
        }

        var configuration = job["configuration"]!.AsObject();
        var kinds = new[] { "load", "copy", "query", "extract" }.Count(kind => configuration[kind] is not null);
        if (kinds != 1)
        {
            throw GoogleErrorException.Invalid("A job configuration must contain exactly one of load, copy, query or extract.");
        }

        return job.AsObject();
    }

    /// <summary>Claims the job id, or answers 409 duplicate as BigQuery does for an id that exists.</summary>
    public (string Key, string Location) Reserve(JsonObject job)
    {
        var reference = job["jobReference"]!;
        var key = $"{reference["projectId"]}.{reference["jobId"]}";
        if (state.Jobs.ContainsKey(key))
        {
            throw GoogleErrorException.Duplicate($"Job {reference["projectId"]}:{reference["location"]}.{reference["jobId"]}");
        }

        return (key, reference["location"]!.GetValue<string>());
    }

    /// <summary>Runs the job to completion and stores it; failures become the job's errorResult, not an HTTP error.</summary>
    public JsonObject Run(JsonObject job, string key, string location, byte[]? upload)
    {
        var configuration = job["configuration"]!.AsObject();
        var now = clock.GetUtcNow();
        var resource = new JsonObject
        {
            ["kind"] = "bigquery#job",
            ["id"] = $"{job["jobReference"]!["projectId"]}:{location}.{job["jobReference"]!["jobId"]}",
            ["jobReference"] = job["jobReference"]!.DeepClone(),
            ["configuration"] = configuration.DeepClone(),
        };
        var statistics = new JsonObject
        {
            ["creationTime"] = now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            ["startTime"] = now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            ["endTime"] = now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        };
        try
        {
            var kind = new[] { "load", "copy", "query", "extract" }.First(name => configuration[name] is not null);
            if (configuration["load"] is JsonObject quoted)
            {
                CountLoadJob(quoted, now);
            }

            if (faults.TakeJobFailure(kind) is { } failure)
            {
                throw JobFailedException.Single(failure.Reason, failure.Message);
            }

            var result = configuration["load"] is JsonObject load ? LoadJobRunner.Run(state, load, location, upload ?? [], now, options.PartitionsPerJob)
                : configuration["copy"] is JsonObject copy ? CopyJobRunner.Run(state, copy, location, now)
                : configuration["query"] is JsonObject query ? RunQuery(query, location, now)
                : throw GoogleErrorException.Invalid("The fake does not run extract jobs.");
            foreach (var (name, value) in result)
            {
                statistics[name] = value!.DeepClone();
            }

            resource["status"] = new JsonObject { ["state"] = "DONE" };
        }
        catch (JobFailedException ex)
        {
            resource["status"] = new JsonObject
            {
                ["state"] = "DONE",
                ["errorResult"] = new JsonObject { ["reason"] = ex.Reason, ["message"] = ex.Message },
                ["errors"] = new JsonArray(ex.Errors.Select(error => (JsonNode)error.DeepClone()).ToArray()),
            };
        }

        resource["statistics"] = statistics;
        var stored = state.Jobs[key] = new FakeJob(resource, location) { PollsUntilDone = options.PollsBeforeDone };
        if (options.HoldLoadJobs && configuration["load"]?["destinationTable"] is { } table)
        {
            stored.HeldFor = $"{table["projectId"]}.{table["datasetId"]}.{table["tableId"]}";
            state.MaxHeldLoadJobs[stored.HeldFor] = Math.Max(state.MaxHeldLoadJobs.GetValueOrDefault(stored.HeldFor), state.HeldLoadJobs(stored.HeldFor));
        }

        var answer = resource.DeepClone().AsObject();
        if (options.PollsBeforeDone > 0 || stored.HeldFor is not null)
        {
            answer["status"] = new JsonObject { ["state"] = "RUNNING" };
            answer.Remove("statistics");
        }

        return answer;
    }

    private JsonObject RunQuery(JsonObject query, string location, DateTimeOffset now) =>
        PartitionCheckRunner.Matches(MergeJobRunner.Statement(query))
            ? PartitionCheckRunner.Run(state, MergeJobRunner.Statement(query), location)
            : MergeJobRunner.Run(state, query, location, now, options.PartitionsPerJob);

    /// <summary>Every load job counts against its table's daily quota, whether it then succeeds or fails.</summary>
    private void CountLoadJob(JsonObject load, DateTimeOffset now)
    {
        var table = load["destinationTable"];
        var key = $"{table?["projectId"]}.{table?["datasetId"]}.{table?["tableId"]?.GetValue<string>().Split('$')[0]}/{now.UtcDateTime:yyyy-MM-dd}";
        var count = state.LoadJobsPerTableDay[key] = state.LoadJobsPerTableDay.GetValueOrDefault(key) + 1;
        if (count > options.LoadJobsPerTablePerDay)
        {
            throw JobFailedException.Single("quotaExceeded", "Quota exceeded: Your table exceeded quota for imports or query appends per table. For more information, see https://cloud.google.com/bigquery/docs/troubleshoot-quotas");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,1024}$")]
    private static partial Regex JobIdRegex();
}
