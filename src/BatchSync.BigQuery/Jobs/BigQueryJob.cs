using System.Globalization;
using System.Text.Json.Nodes;
using BatchSync.BigQuery.Http;

namespace BatchSync.BigQuery.Jobs;

/// <summary>A snapshot of a job resource as jobs.get/jobs.insert return it.</summary>
public sealed record BigQueryJob(JobReference Reference, string State, BigQueryError? ErrorResult, IReadOnlyList<BigQueryError> Errors, JsonNode? Statistics)
{
    public bool IsDone => State == "DONE";

    /// <summary>statistics.load.outputRows of a finished load job.</summary>
    public long? LoadOutputRows => ReadInt64(Statistics?["load"]?["outputRows"]);

    /// <summary>statistics.query.numDmlAffectedRows of a finished DML query.</summary>
    public long? DmlAffectedRows => ReadInt64(Statistics?["query"]?["numDmlAffectedRows"]);

    public static BigQueryJob FromJson(JsonNode job, JobReference fallback)
    {
        var reference = job["jobReference"];
        var status = job["status"];
        return new BigQueryJob(
            new JobReference(
                reference?["projectId"]?.GetValue<string>() ?? fallback.ProjectId,
                reference?["jobId"]?.GetValue<string>() ?? fallback.JobId,
                reference?["location"]?.GetValue<string>() ?? fallback.Location),
            status?["state"]?.GetValue<string>() ?? "PENDING",
            status?["errorResult"] is { } errorResult ? ErrorResponse.ReadError(errorResult) : null,
            ErrorResponse.ReadErrors(status?["errors"] as JsonArray),
            job["statistics"]);
    }

    // int64 values travel as JSON strings in BigQuery's API.
    private static long? ReadInt64(JsonNode? node) =>
        node is null ? null : long.Parse(node.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture);
}
