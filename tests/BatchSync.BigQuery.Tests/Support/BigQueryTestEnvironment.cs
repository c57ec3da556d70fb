using BatchSync.BigQuery.Auth;
using BatchSync.BigQuery.Fake;
using BatchSync.BigQuery.Finishing;
using BatchSync.BigQuery.Http;
using BatchSync.BigQuery.Tables;
using BatchSync.Core.Schema;
using BatchSync.Core.Stage;
using BatchSync.Core.Workflows.Model;

namespace BatchSync.BigQuery.Tests.Support;

/// <summary>A fake BigQuery with one dataset and a client pointed at it, sharing the fake's clock.</summary>
internal sealed class BigQueryTestEnvironment : IAsyncDisposable
{
    public const string Project = "batchsync-test";
    public const string Dataset = "warehouse";
    public const string Location = "asia-northeast1";

    private readonly List<HttpClient> _clients = [];

    private BigQueryTestEnvironment(FakeBigQueryServer fake)
    {
        Fake = fake;
        Destination = NewDestination();
    }

    public FakeBigQueryServer Fake { get; }

    /// <summary>Parts for lanes to load; these tests hand parts to the client directly, so it stays empty.</summary>
    public static IStagingStore Staging { get; } = new LocalFolderStagingStore(Path.Combine(Path.GetTempPath(), "batchsync-bigquery-tests"));

    public BigQueryDestination Destination { get; }

    public static async Task<BigQueryTestEnvironment> StartAsync()
    {
        var fake = await FakeBigQueryServer.StartAsync();
        fake.AddDataset(Project, Dataset, Location);
        return new BigQueryTestEnvironment(fake);
    }

    /// <summary>A separate client instance, as a retried process would create.</summary>
    public BigQueryDestination NewDestination(string location = Location, int maxAttempts = 6, string token = FakeBigQueryServer.Token)
    {
        var http = new HttpClient();
        _clients.Add(http);
        return new BigQueryDestination(http, new StaticAccessTokenSource(token), Options(location, maxAttempts), Staging, Fake.Clock);
    }

    public BigQueryClientOptions Options(string location = Location, int maxAttempts = 6) => new()
    {
        ProjectId = Project,
        Location = location,
        ApiRoot = Fake.BaseUri,
        Retry = new RetryOptions { MaxAttempts = maxAttempts, InitialDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(16) },
        UploadChunkSize = 256 * 1024,
    };

    public static TableId Table(string name) => new(Project, Dataset, name);

    public IReadOnlyList<IReadOnlyDictionary<string, string?>> Rows(string table) => Fake.Rows(Project, Dataset, table);

    public FakeTable? StoredTable(string table) => Fake.Table(Project, Dataset, table);

    /// <summary>Creates a staging table with the destination's layout and loads each CSV text as one gzip part.</summary>
    public async Task<long> StageAsync(string stagingName, TableDefinition definition, string runId, params string[] partsCsv)
    {
        var staging = Table(stagingName);
        await Destination.CreateStagingTableAsync(staging, definition, TimeSpan.FromDays(2), CancellationToken.None);
        long rows = 0;
        for (var part = 0; part < partsCsv.Length; part++)
        {
            var bytes = Gzip.Compress(partsCsv[part]);
            rows += await Destination.LoadPartAsync(staging, Gzip.Opener(bytes), Jobs.JobIds.Create(runId, stagingName, part, "load"), definition.Schema, CancellationToken.None);
        }

        return rows;
    }

    public static DestinationSpec Spec(string table, TableDefinition definition, LoadMode mode, string runId = "run-1") =>
        new(Table(table), definition, mode, runId);

    public static BigQueryTableSchema Schema(params (string Name, BigQueryType Type)[] columns) =>
        new(columns.Select(column => new BigQueryField(column.Name, column.Type)).ToList());

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await Fake.DisposeAsync();
    }
}
