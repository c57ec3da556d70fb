namespace BatchSync.BigQuery.Fake;

/// <summary>A job runs in one location and only sees datasets there.</summary>
internal static class JobLocation
{
    public static void Check(FakeBigQueryState state, string projectId, string datasetId, string jobLocation)
    {
        var datasetLocation = state.Datasets.TryGetValue($"{projectId}.{datasetId}", out var location)
            ? location
            : throw JobFailedException.Single("notFound", $"Not found: Dataset {projectId}:{datasetId}");
        if (!string.Equals(datasetLocation, jobLocation, StringComparison.OrdinalIgnoreCase))
        {
            throw JobFailedException.Single("notFound", $"Not found: Dataset {projectId}:{datasetId} was not found in location {jobLocation}");
        }
    }
}
