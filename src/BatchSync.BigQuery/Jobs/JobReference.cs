using System.Text.Json.Nodes;

namespace BatchSync.BigQuery.Jobs;

/// <summary>Identifies a job. BigQuery needs the location to find a job outside the US/EU multi-regions, so it is always set.</summary>
public sealed record JobReference(string ProjectId, string JobId, string Location)
{
    public JsonObject ToJson() => new()
    {
        ["projectId"] = ProjectId,
        ["jobId"] = JobId,
        ["location"] = Location,
    };

    public override string ToString() => $"{ProjectId}:{Location}.{JobId}";
}
