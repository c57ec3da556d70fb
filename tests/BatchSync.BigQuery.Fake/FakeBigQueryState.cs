using System.Text.Json.Nodes;

namespace BatchSync.BigQuery.Fake;

/// <summary>A job the fake ran: its resource, where it runs, and how many more polls report it as RUNNING.</summary>
internal sealed class FakeJob(JsonObject resource, string location)
{
    public JsonObject Resource { get; } = resource;

    public string Location { get; } = location;

    public int PollsUntilDone { get; set; }

    /// <summary>"project.dataset.table" a load job writes, when the job is held RUNNING until a test releases it.</summary>
    public string? HeldFor { get; set; }
}

/// <summary>Everything the fake holds. One lock guards it: requests are few and the fake favours obvious correctness.</summary>
internal sealed class FakeBigQueryState
{
    public Lock Sync { get; } = new();

    /// <summary>"project.dataset" → location.</summary>
    public Dictionary<string, string> Datasets { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, FakeTable> Tables { get; } = new(StringComparer.Ordinal);

    /// <summary>"project.jobId" → job.</summary>
    public Dictionary<string, FakeJob> Jobs { get; } = new(StringComparer.Ordinal);

    /// <summary>"project.dataset.table/yyyy-MM-dd" → load jobs that table took that day (UTC), failed ones included.</summary>
    public Dictionary<string, int> LoadJobsPerTableDay { get; } = new(StringComparer.Ordinal);

    /// <summary>"project.dataset.table" → the most load jobs into it that were RUNNING at once while jobs were held.</summary>
    public Dictionary<string, int> MaxHeldLoadJobs { get; } = new(StringComparer.Ordinal);

    public int HeldLoadJobs(string table) => Jobs.Values.Count(job => job.HeldFor == table);

    public FakeTable? Table(string projectId, string datasetId, string tableName) =>
        Tables.GetValueOrDefault($"{projectId}.{datasetId}.{tableName}");

    public string DatasetLocation(string projectId, string datasetId) =>
        Datasets.TryGetValue($"{projectId}.{datasetId}", out var location) ? location : throw GoogleErrorException.NotFound($"Dataset {projectId}:{datasetId}");
}
