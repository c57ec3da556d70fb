using System.Globalization;
using System.Text;

namespace BatchSync.Cli.Tests.Aws;

/// <summary>
/// <c>batchsync run</c> without --local, as the run job on AWS: the connection from Secrets Manager, staging in S3
/// (a real s3rver), lanes as a Batch array job whose children are real <c>batchsync work</c> processes.
/// </summary>
public sealed class AwsBatchRunTests : IAsyncLifetime
{
    private AwsRunWorld _world = null!;

    public async Task InitializeAsync() => _world = await AwsRunWorld.CreateAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Lanes_run_as_an_array_job_that_stages_every_row_exactly_once_in_s3()
    {
        await _world.SqlAsync("""
            CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(50) NOT NULL);
            INSERT INTO customers SELECT seq, CONCAT('customer ', seq) FROM seq_1_to_40;
            CREATE TABLE orders (id BIGINT PRIMARY KEY, customer_id INT NOT NULL, total DECIMAL(10,2) NOT NULL);
            INSERT INTO orders SELECT seq * 7, seq % 40, seq / 4 FROM seq_1_to_900;
            CREATE TABLE notes (id INT PRIMARY KEY, body VARCHAR(20));
            INSERT INTO notes SELECT seq, IF(seq % 3 = 0, NULL, 'note') FROM seq_1_to_15;
            ANALYZE TABLE customers, orders, notes;
            """);
        await _world.WriteWorkflowAsync("""
              - table: customers
              - table: orders
                chunk: { rows: 250 }
              - table: notes
            """);

        var (exitCode, output, error) = await _world.RunAsync("--run-id", "aws-1");

        Assert.True(exitCode == 0, Describe(exitCode, output, error));
        var job = Assert.Single(_world.Batch.Jobs);
        var manifestAddress = $"s3://{AwsRunWorld.Bucket}/{_world.RunPrefix("aws-1")}manifest.json";
        var manifest = await _world.ReadJsonAsync(_world.RunPrefix("aws-1") + "manifest.json");
        Assert.Equal(3, manifest["lanes"]!.GetValue<int>());
        Assert.Equal(3, job.Size);
        Assert.Equal(["work", manifestAddress], job.Command);
        Assert.Equal(AwsRunWorld.Queue, job.Request["jobQueue"]!.GetValue<string>());
        Assert.Equal(AwsRunWorld.WorkDefinition, job.Request["jobDefinition"]!.GetValue<string>());
        Assert.All(job.Children, c => Assert.Equal("SUCCEEDED", c.Status));
        Assert.Empty(_world.BatchApi.Rejections);
        Assert.Empty(_world.Secrets.Rejections);
        // Every item ran once: none had an earlier attempt whose unfinished uploads needed looking for.
        Assert.Equal(0, _world.S3StandIn.UploadListings);

        var orderIds = (await _world.StagedLinesAsync("aws-1", "orders")).Select(l => long.Parse(l.Split(',')[0], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range(1, 900).Select(i => i * 7L), orderIds.Order());
        var customerIds = (await _world.StagedLinesAsync("aws-1", "customers")).Select(l => int.Parse(l.Split(',')[0], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range(1, 40), customerIds.Order());
        Assert.Equal(15, (await _world.StagedLinesAsync("aws-1", "notes")).Count);
        var orderLanes = manifest["tables"]!.AsArray().Single(t => t!["out_table"]!.GetValue<string>() == "orders")!["items"]!.AsArray()
            .Select(i => i!["lane"]!.GetValue<int>()).Distinct().Count();
        Assert.True(orderLanes >= 2, "the chunks of orders all ran on one lane");

        var keys = await _world.KeysAsync(_world.RunPrefix("aws-1"));
        foreach (var table in new[] { "customers", "orders", "notes" })
        {
            Assert.Contains($"{_world.RunPrefix("aws-1")}tables/{table}/schema.json", keys);
            Assert.Contains($"{_world.RunPrefix("aws-1")}tables/{table}/load.json", keys);
        }

        Assert.Contains(_world.RunPrefix("aws-1") + "report.json", keys);
        var launch = await _world.ReadJsonAsync(_world.RunPrefix("aws-1") + "launch.json");
        Assert.Contains(job.Id, launch.ToJsonString(), StringComparison.Ordinal);
        var report = await _world.ReadJsonAsync(_world.RunPrefix("aws-1") + "report.json");
        Assert.All(report["tables"]!.AsArray(), t => Assert.Equal("staged", t!["outcome"]!.GetValue<string>()));
        await AssertPasswordNowhereAsync(output, error, keys);
    }

    [Fact]
    public async Task A_failing_table_fails_the_run_while_the_other_tables_are_staged()
    {
        await _world.SqlAsync("""
            CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(50) NOT NULL);
            INSERT INTO customers SELECT seq, CONCAT('customer ', seq) FROM seq_1_to_30;
            CREATE TABLE orders (id BIGINT PRIMARY KEY, total DECIMAL(10,2) NOT NULL);
            INSERT INTO orders SELECT seq, seq / 4 FROM seq_1_to_500;
            CREATE TABLE shipments (id INT PRIMARY KEY, shipped_on DATE NULL);
            SET SESSION sql_mode = '';
            INSERT INTO shipments VALUES (1, '2026-01-02'), (2, '0000-00-00'), (3, '2026-01-03');
            ANALYZE TABLE customers, orders, shipments;
            """);
        await _world.WriteWorkflowAsync("""
              - table: customers
              - table: customers
                out_table: customers_broken
                select: "id, no_such_column"
              - table: orders
                chunk: { rows: 200 }
              - table: shipments
                zero_dates: fail
            """);

        var (exitCode, output, error) = await _world.RunAsync("--run-id", "aws-fail");

        Assert.True(exitCode == 1, Describe(exitCode, output, error));
        var failedLane = Assert.Single(Assert.Single(_world.Batch.Jobs).Children, c => c.Status == "FAILED");
        Assert.Equal(2, failedLane.Attempts);
        Assert.True(_world.S3StandIn.UploadListings > 0, "the retried lane did not look for what its first attempt left unfinished");
        Assert.Contains($"Lane {failedLane.Index} ({failedLane.JobId}) failed", error, StringComparison.Ordinal);
        Assert.Contains("exit code 1", error, StringComparison.Ordinal);
        Assert.Equal(30, (await _world.StagedLinesAsync("aws-fail", "customers")).Count);
        Assert.Equal(500, (await _world.StagedLinesAsync("aws-fail", "orders")).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(500, (await _world.StagedLinesAsync("aws-fail", "orders")).Count);
        var keys = await _world.KeysAsync(_world.RunPrefix("aws-fail"));
        Assert.Contains($"{_world.RunPrefix("aws-fail")}tables/customers/load.json", keys);
        Assert.DoesNotContain($"{_world.RunPrefix("aws-fail")}tables/shipments/load.json", keys);
        var report = (await _world.ReadJsonAsync(_world.RunPrefix("aws-fail") + "report.json"))["tables"]!.AsArray()
            .ToDictionary(t => t!["out_table"]!.GetValue<string>(), t => t!);
        Assert.Equal("staged", report["customers"]["outcome"]!.GetValue<string>());
        Assert.Equal("staged", report["orders"]["outcome"]!.GetValue<string>());
        Assert.Equal("failed", report["shipments"]["outcome"]!.GetValue<string>());
        Assert.Equal("failed", report["customers_broken"]["outcome"]!.GetValue<string>());
        Assert.Contains("no_such_column", error, StringComparison.Ordinal);
        Assert.Contains("shipped_on", error + output, StringComparison.Ordinal);
        await AssertPasswordNowhereAsync(output, error, keys);
    }

    [Fact]
    public async Task Running_the_same_run_id_again_reattaches_instead_of_submitting_again()
    {
        await _world.SqlAsync("""
            CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(50) NOT NULL);
            INSERT INTO customers SELECT seq, CONCAT('customer ', seq) FROM seq_1_to_600;
            ANALYZE TABLE customers;
            """);
        await _world.WriteWorkflowAsync("""
              - table: customers
                chunk: { rows: 200 }
            """);

        var first = await _world.RunAsync("--run-id", "aws-again");
        Assert.True(first.ExitCode == 0, Describe(first.ExitCode, first.Output, first.Error));
        var second = await _world.RunAsync("--run-id", "aws-again");

        Assert.True(second.ExitCode == 0, Describe(second.ExitCode, second.Output, second.Error));
        Assert.Single(_world.Batch.Jobs);
        Assert.Single(_world.BatchApi.Calls, c => c.Operation == "SubmitJob");
        Assert.Equal(Enumerable.Range(1, 600), (await _world.StagedLinesAsync("aws-again", "customers")).Select(l => int.Parse(l.Split(',')[0], CultureInfo.InvariantCulture)).Order());
    }

    [Fact]
    public async Task A_retried_run_job_attempt_without_a_run_id_resumes_the_run_of_its_batch_job()
    {
        await _world.SqlAsync("""
            CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(50) NOT NULL);
            INSERT INTO customers SELECT seq, CONCAT('customer ', seq) FROM seq_1_to_300;
            ANALYZE TABLE customers;
            """);
        await _world.WriteWorkflowAsync("""
              - table: customers
                chunk: { rows: 100 }
            """);
        // AWS Batch sets AWS_BATCH_JOB_ID in the container; every attempt of the job sees the same id.
        const string jobId = "8d3e1f0a-5b7c-4e2d-9a61-0c4b7e2f9d13";
        _world.AwsEnvironment["AWS_BATCH_JOB_ID"] = jobId;

        var first = await _world.RunAsync();
        var second = await _world.RunAsync();

        Assert.True(first.ExitCode == 0, Describe(first.ExitCode, first.Output, first.Error));
        Assert.True(second.ExitCode == 0, Describe(second.ExitCode, second.Output, second.Error));
        Assert.Single(_world.BatchApi.Calls, c => c.Operation == "SubmitJob");
        Assert.Contains(_world.RunPrefix(jobId) + "manifest.json", await _world.KeysAsync(_world.RunPrefix(jobId)));
        Assert.Contains($"Resumed run {jobId}", second.Output + second.Error, StringComparison.Ordinal);
        Assert.Equal(300, (await _world.StagedLinesAsync(jobId, "customers")).Count);
    }

    private async Task AssertPasswordNowhereAsync(string output, string error, IEnumerable<string> keys)
    {
        var password = Testing.MariaDbServer.RootPassword;
        Assert.DoesNotContain(password, output, StringComparison.Ordinal);
        Assert.DoesNotContain(password, error, StringComparison.Ordinal);
        Assert.DoesNotContain(password, _world.ChildOutput(), StringComparison.Ordinal);
        foreach (var key in keys.Where(k => k.EndsWith(".json", StringComparison.Ordinal)))
        {
            Assert.DoesNotContain(password, Encoding.UTF8.GetString(await _world.DownloadAsync(key)), StringComparison.Ordinal);
        }

        Assert.DoesNotContain(password, _world.Batch.Jobs.Select(j => j.Request.ToJsonString()).FirstOrDefault() ?? "", StringComparison.Ordinal);
    }

    private string Describe(int exitCode, string output, string error)
        => $"exit {exitCode}\n--- stdout\n{output}\n--- stderr\n{error}\n--- lanes\n{_world.ChildOutput()}\n--- rejected\n{string.Join('\n', _world.BatchApi.Rejections.Concat(_world.Secrets.Rejections))}";
}
