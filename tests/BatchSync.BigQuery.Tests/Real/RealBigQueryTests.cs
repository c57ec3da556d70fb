using System.Globalization;
using BatchSync.BigQuery.Auth;
using BatchSync.BigQuery.Finishing;
using BatchSync.BigQuery.Jobs;
using BatchSync.BigQuery.Tables;
using BatchSync.BigQuery.Tests.Support;
using BatchSync.Core.Schema;
using BatchSync.Core.Workflows.Model;

namespace BatchSync.BigQuery.Tests.Real;

/// <summary>The same client against the real service: load two gzip parts, replace, merge, clean up.</summary>
public sealed class RealBigQueryTests
{
    [RealBigQueryFact]
    public async Task Parts_load_and_land_in_real_BigQuery()
    {
        var project = Environment.GetEnvironmentVariable(RealBigQueryFactAttribute.ProjectVariable)!;
        var location = Environment.GetEnvironmentVariable(RealBigQueryFactAttribute.LocationVariable) ?? "US";
        var key = await File.ReadAllTextAsync(Environment.GetEnvironmentVariable(RealBigQueryFactAttribute.CredentialsVariable)!);
        using var http = new HttpClient();
        var warehouse = new BigQueryDestination(http, GoogleCredentialTokenSource.FromServiceAccountKeyJson(key), new BigQueryClientOptions { ProjectId = project, Location = location }, new Core.Stage.LocalFolderStagingStore(Path.GetTempPath()));
        var runId = DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        var definition = new TableDefinition(new BigQueryTableSchema([new BigQueryField("id", BigQueryType.Int64), new BigQueryField("name", BigQueryType.String), new BigQueryField("day", BigQueryType.Date)]))
        {
            TimePartitioning = new TimePartitioning(TimePartitioningType.Day, "day"),
            Clustering = ["id"],
        };
        var destination = new TableId(project, "batchsync_test", $"orders_{runId}");
        var staging = new TableId(project, "batchsync_test", $"orders_{runId}_staging");
        var spec = new DestinationSpec(destination, definition, LoadMode.Replace, runId) { CreateDatasetIfMissing = true };
        try
        {
            await warehouse.EnsureDestinationAsync(spec, CancellationToken.None);
            await warehouse.CreateStagingTableAsync(staging, definition, TimeSpan.FromHours(3), CancellationToken.None);
            var rows = await warehouse.LoadPartAsync(staging, Gzip.Opener(Gzip.Compress("1,\"a, \"\"b\"\"\",2026-11-20\n2,,2026-11-21\n")), JobIds.Create(runId, "orders", 0, "load"), definition.Schema, CancellationToken.None);
            rows += await warehouse.LoadPartAsync(staging, Gzip.Opener(Gzip.Compress("3,\"\",2026-11-21\n")), JobIds.Create(runId, "orders", 1, "load"), definition.Schema, CancellationToken.None);
            var again = await warehouse.LoadPartAsync(staging, Gzip.Opener(Gzip.Compress("3,\"\",2026-11-21\n")), JobIds.Create(runId, "orders", 1, "load"), definition.Schema, CancellationToken.None);

            var result = await warehouse.LandStagingAsync(spec, staging, 3, CancellationToken.None);

            Assert.Equal(3, rows);
            Assert.Equal(1, again);
            Assert.Equal(3, result.StagedRows);
            var landed = await warehouse.Tables.GetAsync(destination, CancellationToken.None);
            Assert.Equal(3, landed!.NumRows);
            Assert.Equal(definition.TimePartitioning, landed.Definition.TimePartitioning);
        }
        finally
        {
            await warehouse.Tables.DeleteAsync(staging, CancellationToken.None);
            await warehouse.Tables.DeleteAsync(destination, CancellationToken.None);
        }
    }
}
