using System.Net;
using System.Text.Json.Nodes;
using BatchSync.BigQuery.Http;

namespace BatchSync.BigQuery.Tables;

/// <summary>datasets.get/insert.</summary>
public sealed class DatasetsClient(BigQueryTransport transport)
{
    /// <summary>The dataset's location, or null when the dataset does not exist.</summary>
    public async Task<string?> GetLocationAsync(string projectId, string datasetId, CancellationToken cancellationToken)
    {
        var json = await transport.GetOrNullAsync($"Reading dataset {projectId}.{datasetId}", DatasetPath(projectId, datasetId), cancellationToken);
        return json is null ? null : json["location"]?.GetValue<string>() ?? string.Empty;
    }

    /// <summary>Creates the dataset in <paramref name="location"/> unless it exists.</summary>
    public async Task EnsureAsync(string projectId, string datasetId, string location, CancellationToken cancellationToken)
    {
        if (await GetLocationAsync(projectId, datasetId, cancellationToken) is not null)
        {
            return;
        }

        var body = new JsonObject
        {
            ["datasetReference"] = new JsonObject { ["projectId"] = projectId, ["datasetId"] = datasetId },
            ["location"] = location,
        };
        try
        {
            await transport.SendJsonAsync($"Creating dataset {projectId}.{datasetId} in {location}", HttpMethod.Post, $"bigquery/v2/projects/{BigQueryTransport.Segment(projectId)}/datasets", body, cancellationToken);
        }
        catch (BigQueryException ex) when (ex.StatusCode == HttpStatusCode.Conflict)
        {
            // Created concurrently by another lane: fine.
        }
    }

    private static string DatasetPath(string projectId, string datasetId) =>
        $"bigquery/v2/projects/{BigQueryTransport.Segment(projectId)}/datasets/{BigQueryTransport.Segment(datasetId)}";
}
