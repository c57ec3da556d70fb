using BatchSync.Core.Workflows.Diagnostics;
using BatchSync.Core.Workflows.Model;
using BatchSync.Core.Workflows.Naming;

namespace BatchSync.Core.Workflows.Loading;

/// <summary>Reads <c>destination:</c>; absent means <c>type: none</c> (stop after staging).</summary>
internal static class DestinationSectionReader
{
    private const string Where = "destination";

    public static DestinationSettings Read(MapReader top)
    {
        if (top.Map(Where) is not { } node)
        {
            return DestinationSettings.None;
        }

        var map = new MapReader(node, Where, top.Diagnostics, WorkflowKeys.Destination);
        if (!map.Has("type"))
        {
            map.ReportMissing("type", "write type: bigquery, type: duckdb (a local database file), or type: none to stop after staging");
        }

        var type = map.Enum("type", EnumNames.DestinationTypes) ?? DestinationType.None;
        var destination = new DestinationSettings
        {
            Type = type,
            Project = map.String("project"),
            Dataset = ReadDataset(map),
            Location = map.String("location"),
            Credentials = map.SecretReference("credentials", "secret:prod/gcp/batchsync"),
            Endpoint = ReadEndpoint(map),
            Path = map.String("path"),
        };

        switch (type)
        {
            case DestinationType.BigQuery:
                Require(map, "bigquery", "project", "the Google Cloud project that owns the datasets and runs the jobs");
                Require(map, "bigquery", "location", "BigQuery runs every job in the dataset's location, e.g. US, EU or asia-northeast1");
                map.WarnIgnored("path", "destination type is bigquery");
                break;
            case DestinationType.DuckDb:
                Require(map, "duckdb", "path", "the DuckDB database file to land in, e.g. .batchsync/shop.duckdb (created when missing)");
                foreach (var key in new[] { "project", "location", "credentials", "endpoint" })
                {
                    map.WarnIgnored(key, "destination type is duckdb");
                }

                break;
            default:
                if (map.Has("type"))
                {
                    // project and dataset name the table in each stage-only load.json.
                    foreach (var key in WorkflowKeys.Destination.Where(k => k is not "type" and not "dataset" and not "project"))
                    {
                        map.WarnIgnored(key, "destination type is none");
                    }
                }

                break;
        }

        return destination;
    }

    private static void Require(MapReader map, string type, string key, string why)
    {
        if (!map.Has(key))
        {
            map.ReportMissing(key, $"type: {type} needs {key}: {why}");
        }
    }

    private static string? ReadDataset(MapReader map)
    {
        var dataset = map.Scalar("dataset");
        if (dataset is not null && BigQueryNames.CheckDataset(dataset.Value) is { } error)
        {
            map.Diagnostics.Error(DiagnosticCodes.BadName, dataset.Location, $"destination.dataset: {error}");
        }

        return dataset?.Value;
    }

    private static Uri? ReadEndpoint(MapReader map)
    {
        var endpoint = map.Scalar("endpoint");
        if (endpoint is null)
        {
            return null;
        }

        if (Uri.TryCreate(endpoint.Value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            return uri;
        }

        map.Diagnostics.Error(DiagnosticCodes.BadValue, endpoint.Location, $"destination.endpoint '{endpoint.Value}' is not an http(s) URL");
        return null;
    }
}
