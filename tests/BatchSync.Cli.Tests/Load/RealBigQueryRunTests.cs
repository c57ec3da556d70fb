using BatchSync.BigQuery;
using BatchSync.BigQuery.Auth;
using BatchSync.BigQuery.Tables;
using BatchSync.Cli.Tests.Run;

namespace BatchSync.Cli.Tests.Load;

/// <summary>
/// Runs only with real BigQuery credentials (see docs/bigquery.md); otherwise reported as skipped. Uses the same
/// variables as the client's real-service test.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RealBigQueryRunFactAttribute : FactAttribute
{
    public const string CredentialsVariable = "BATCHSYNC_TEST_BIGQUERY_CREDENTIALS";
    public const string ProjectVariable = "BATCHSYNC_TEST_BIGQUERY_PROJECT";
    public const string LocationVariable = "BATCHSYNC_TEST_BIGQUERY_LOCATION";

    public RealBigQueryRunFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(CredentialsVariable)) || string.IsNullOrEmpty(Environment.GetEnvironmentVariable(ProjectVariable)))
        {
            Skip = $"Real BigQuery is not configured: set {CredentialsVariable} (service-account key JSON path) and {ProjectVariable}.";
        }
    }
}

public sealed class RealBigQueryRunTests
{
    private const string KeyVariable = "BATCHSYNC_TEST_BIGQUERY_KEY_JSON";

    [RealBigQueryRunFact]
    public async Task A_small_workflow_runs_end_to_end_into_real_BigQuery()
    {
        var project = Environment.GetEnvironmentVariable(RealBigQueryRunFactAttribute.ProjectVariable)!;
        var location = Environment.GetEnvironmentVariable(RealBigQueryRunFactAttribute.LocationVariable) ?? "US";
        var key = await File.ReadAllTextAsync(Environment.GetEnvironmentVariable(RealBigQueryRunFactAttribute.CredentialsVariable)!);
        Environment.SetEnvironmentVariable(KeyVariable, key);
        var dataset = "batchsync_e2e";
        var table = "people_" + Guid.NewGuid().ToString("N")[..10];
        using var sandbox = await RunSandbox.CreateAsync();
        await sandbox.SqlAsync($"""
            CREATE TABLE {table} (id INT PRIMARY KEY, name VARCHAR(40) NULL, joined DATETIME(6) NULL);
            INSERT INTO {table} VALUES (1, 'ann', '2026-01-02 03:04:05.123456'), (2, '', NULL), (3, '日本語 😀', '2026-11-21 00:00:00');
            """);
        await sandbox.WriteWorkflowAsync($"  - table: {table}\n", destination: $"""
            type: bigquery
              project: {project}
              dataset: {dataset}
              location: {location}
              credentials: env:{KeyVariable}
            """);

        using var http = new HttpClient();
        var client = new BigQueryDestination(http, GoogleCredentialTokenSource.FromServiceAccountKeyJson(key), new BigQueryClientOptions { ProjectId = project, Location = location }, new Core.Stage.LocalFolderStagingStore(Path.GetTempPath()));
        var destination = new TableId(project, dataset, table);
        try
        {
            var result = await CliInvocation.RunAsync(["run", sandbox.WorkflowPath, "--local", "--run-id", "real-" + table]);

            Assert.True(result.ExitCode == 0, result.ToString());
            var landed = await client.Tables.GetAsync(destination, CancellationToken.None);
            Assert.Equal(3, landed?.NumRows);
            Assert.Contains(landed!.Definition.Schema.Fields, field => field.Name == "joined");
        }
        finally
        {
            await client.Tables.DeleteAsync(destination, CancellationToken.None);
        }
    }
}
