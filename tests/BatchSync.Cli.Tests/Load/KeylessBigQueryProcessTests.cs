using System.Text.Json.Nodes;
using BatchSync.Aws.Fake;
using BatchSync.BigQuery.Fake;
using BatchSync.BigQuery.Fake.Federation;
using BatchSync.Cli.Tests.Export;
using BatchSync.Cli.Tests.Run;

namespace BatchSync.Cli.Tests.Load;

/// <summary>
/// Keyless BigQuery access as on Fargate: a real <c>batchsync</c> process whose only AWS credentials are the
/// container credentials endpoint (no keys in the environment, no instance metadata) and whose
/// destination.credentials is an external-account configuration. It must load through the STS exchange and
/// service-account impersonation fakes, with a token the BigQuery fake accepts only because impersonation issued it.
/// </summary>
public sealed class KeylessBigQueryProcessTests : IAsyncLifetime
{
    private const string Audience = "//iam.googleapis.com/projects/123456/locations/global/workloadIdentityPools/batchsync/providers/aws";
    private const string ServiceAccount = "batchsync-loader@shop-project.iam.gserviceaccount.com";

    private RunSandbox _run = null!;
    private FakeContainerCredentials _container = null!;
    private FakeGoogleFederation _google = null!;
    private FakeBigQueryServer _bigQuery = null!;

    public async Task InitializeAsync()
    {
        _run = await RunSandbox.CreateAsync();
        _container = await FakeContainerCredentials.StartAsync();
        _google = await FakeGoogleFederation.StartAsync(Audience, ServiceAccount, _container.Find);
        _bigQuery = await FakeBigQueryServer.StartAsync(_google.IsIssuedAccessToken);
    }

    public async Task DisposeAsync()
    {
        await _bigQuery.DisposeAsync();
        await _google.DisposeAsync();
        await _container.DisposeAsync();
        _run.Dispose();
    }

    [Fact]
    public async Task A_run_with_only_container_credentials_loads_through_workload_identity_federation()
    {
        await _run.SqlAsync("""
            CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(50) NOT NULL);
            INSERT INTO customers SELECT seq, CONCAT('customer ', seq) FROM seq_1_to_120;
            ANALYZE TABLE customers;
            """);
        await _run.WriteWorkflowAsync("  - table: customers", destination: $"""
            type: bigquery
              project: shop-project
              dataset: shop
              location: US
              endpoint: {_bigQuery.BaseUri}
              credentials: secret:gcp/batchsync
            """);
        var secretsPath = Path.Combine(_run.Directory, "secrets.json");
        await File.WriteAllTextAsync(secretsPath, new JsonObject { ["gcp/batchsync"] = _google.CredentialConfiguration() }.ToJsonString());

        var (exitCode, output, error) = await BatchSyncProcess.RunAsync(FargateEnvironment(), "run", _run.WorkflowPath, "--local", "--secrets", secretsPath, "--run-id", "keyless-1");

        var rejections = string.Join('\n', _google.Rejections);
        Assert.True(exitCode == 0, $"exit {exitCode}\n{output}\n{error}\n{rejections}");
        Assert.Empty(_google.Rejections);
        Assert.Equal(Enumerable.Range(1, 120), _bigQuery.Rows("shop-project", "shop", "customers").Select(r => int.Parse(r["id"]!, System.Globalization.CultureInfo.InvariantCulture)).Order());
        var issued = Assert.Single(_container.Issued);
        Assert.Equal([issued.AccessKey], _google.ExchangedAccessKeys);
        Assert.Single(_google.Impersonations);
        Assert.DoesNotContain(issued.SecretKey, output + error, StringComparison.Ordinal);
        Assert.DoesNotContain(issued.SessionToken, output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_container_endpoint_that_refuses_the_authorization_token_fails_the_run_before_any_lane_with_a_clear_message()
    {
        await _run.SqlAsync("CREATE TABLE customers (id INT PRIMARY KEY); INSERT INTO customers VALUES (1);");
        await _run.WriteWorkflowAsync("  - table: customers", destination: $"""
            type: bigquery
              project: shop-project
              dataset: shop
              location: US
              endpoint: {_bigQuery.BaseUri}
              credentials: secret:gcp/batchsync
            """);
        var secretsPath = Path.Combine(_run.Directory, "secrets.json");
        await File.WriteAllTextAsync(secretsPath, new JsonObject { ["gcp/batchsync"] = _google.CredentialConfiguration() }.ToJsonString());
        var environment = FargateEnvironment();
        environment["AWS_CONTAINER_AUTHORIZATION_TOKEN"] = "wrong-token";

        var (exitCode, output, error) = await BatchSyncProcess.RunAsync(environment, "run", _run.WorkflowPath, "--local", "--secrets", secretsPath, "--run-id", "keyless-2");

        Assert.True(exitCode != 0, $"exit {exitCode}\n{output}\n{error}");
        Assert.True(_container.Refused > 0);
        Assert.Contains("AWS credentials", error, StringComparison.Ordinal);
        Assert.Empty(_google.ExchangedAccessKeys);
    }

    /// <summary>What a Fargate task's environment holds of AWS: a region and the container credentials endpoint.</summary>
    private Dictionary<string, string?> FargateEnvironment()
    {
        var missing = Path.Combine(_run.Directory, "no-aws-config");
        return new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["BATCHSYNC_TEST_MYSQL_PASSWORD"] = Testing.MariaDbServer.RootPassword,
            ["AWS_REGION"] = "ap-northeast-1",
            ["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = _container.FullUri.AbsoluteUri,
            ["AWS_CONTAINER_AUTHORIZATION_TOKEN"] = _container.AuthorizationToken,
            ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"] = null,
            ["AWS_ACCESS_KEY_ID"] = null,
            ["AWS_SECRET_ACCESS_KEY"] = null,
            ["AWS_SESSION_TOKEN"] = null,
            ["AWS_PROFILE"] = null,
            ["AWS_SHARED_CREDENTIALS_FILE"] = missing,
            ["AWS_CONFIG_FILE"] = missing,
            ["AWS_EC2_METADATA_DISABLED"] = "true",
            ["GOOGLE_APPLICATION_CREDENTIALS"] = null,
        };
    }
}
