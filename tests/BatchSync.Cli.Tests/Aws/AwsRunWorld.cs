using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using BatchSync.Aws.Fake;
using BatchSync.Testing;

namespace BatchSync.Cli.Tests.Aws;

/// <summary>
/// One test's AWS: its own database on the shared MariaDB, a real s3rver with a bucket behind the S3 stand-in (which
/// adds what s3rver lacks, such as conditional writes), a strict Secrets Manager fake holding the database's RDS-shaped
/// secret, and a strict Batch fake whose children are real <c>batchsync work</c> processes. Every process signs with
/// the same keys (s3rver's), as one job role would.
/// </summary>
internal sealed class AwsRunWorld : IAsyncDisposable
{
    public const string Bucket = "shop-staging";
    public const string SecretId = "prod/shop/mysql";
    public const string Region = "ap-northeast-1";
    public const string Queue = "batchsync-work-queue";
    public const string WorkDefinition = "batchsync-work:3";

    private AwsRunWorld(MariaDbServer server, string database, string directory, S3rverServer s3, S3StandIn s3StandIn, AwsJsonFake secrets, AwsJsonFake batch)
    {
        Server = server;
        Database = database;
        Directory = directory;
        S3Server = s3;
        S3StandIn = s3StandIn;
        Secrets = secrets;
        BatchApi = batch;
        AwsEnvironment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["AWS_ENDPOINT_URL_S3"] = s3StandIn.ServiceUrl.ToString(),
            ["AWS_ENDPOINT_URL_SECRETS_MANAGER"] = secrets.Url.ToString(),
            ["AWS_ENDPOINT_URL_BATCH"] = batch.Url.ToString(),
            ["AWS_ENDPOINT_URL"] = null,
            ["AWS_REGION"] = Region,
            ["AWS_ACCESS_KEY_ID"] = S3rverServer.AccessKey,
            ["AWS_SECRET_ACCESS_KEY"] = S3rverServer.SecretKey,
            ["AWS_SESSION_TOKEN"] = null,
            ["AWS_PROFILE"] = null,
            ["AWS_EC2_METADATA_DISABLED"] = "true",
        };
        Batch = new ProcessBatchQueue(batch, AwsEnvironment);
        S3 = new AmazonS3Client(
            new BasicAWSCredentials(S3rverServer.AccessKey, S3rverServer.SecretKey),
            new AmazonS3Config { ServiceURL = s3StandIn.ServiceUrl.ToString(), ForcePathStyle = true, AuthenticationRegion = Region });
    }

    public MariaDbServer Server { get; }

    public string Database { get; }

    public string Directory { get; }

    public S3rverServer S3Server { get; }

    public S3StandIn S3StandIn { get; }

    public AwsJsonFake Secrets { get; }

    public AwsJsonFake BatchApi { get; }

    public ProcessBatchQueue Batch { get; }

    public IAmazonS3 S3 { get; }

    /// <summary>What every process of the run sees of AWS: endpoints, region and keys (Batch gives children the same role).</summary>
    public Dictionary<string, string?> AwsEnvironment { get; }

    public string WorkflowPath => Path.Combine(Directory, "shop.yml");

    public static async Task<AwsRunWorld> CreateAsync()
    {
        var server = await SharedMariaDb.GetAsync();
        var database = await SharedMariaDb.CreateDatabaseAsync("aws");
        var directory = Path.Combine(Path.GetTempPath(), "batchsync-aws-" + Guid.NewGuid().ToString("N")[..10]);
        System.IO.Directory.CreateDirectory(directory);
        var keys = new AwsCredentialsExpected(S3rverServer.AccessKey, S3rverServer.SecretKey, Region);
        var s3 = await S3rverServer.StartAsync();
        var s3StandIn = await S3StandIn.StartAsync(s3.ServiceUrl);
        var secrets = await AwsJsonFake.StartAsync("secretsmanager", keys);
        var batch = await AwsJsonFake.StartAsync("batch", keys);
        var world = new AwsRunWorld(server, database, directory, s3, s3StandIn, secrets, batch);
        await world.S3.PutBucketAsync(Bucket);
        world.HoldDatabaseSecret();
        return world;
    }

    public Task SqlAsync(string sql) => Server.ExecuteAsync(sql, Database);

    /// <summary>The connection lives only in Secrets Manager, in the shape RDS manages: the password is nowhere else.</summary>
    private void HoldDatabaseSecret()
    {
        var secret = new JsonObject
        {
            ["engine"] = "mariadb",
            ["host"] = Server.Host,
            ["port"] = Server.Port,
            ["username"] = "root",
            ["password"] = MariaDbServer.RootPassword,
            ["dbname"] = Database,
        }.ToJsonString();
        Secrets.Handle("GetSecretValue", body => body["SecretId"]!.GetValue<string>() == SecretId
            ? FakeAnswer.Ok(new JsonObject
            {
                ["ARN"] = $"arn:aws:secretsmanager:{Region}:123456789012:secret:{SecretId}-AbCdEf",
                ["Name"] = SecretId,
                // Secrets Manager version ids are UUIDs (the model: 32 to 64 characters).
                ["VersionId"] = "a1b2c3d4-5678-90ab-cdef-111122223333",
                ["SecretString"] = secret,
                ["VersionStages"] = new JsonArray("AWSCURRENT"),
            })
            : FakeAnswer.Error(System.Net.HttpStatusCode.BadRequest, "ResourceNotFoundException", "Secrets Manager can't find the specified secret."));
    }

    public async Task WriteWorkflowAsync(string tablesYaml)
    {
        var yaml = $"""
            name: shop
            source:
              connection: secret:{SecretId}
              tls: disabled
            staging:
              uri: s3://{Bucket}/batchsync/
            destination:
              type: none
            defaults:
              parallelism: 3
            tables:
            {tablesYaml}
            """;
        await File.WriteAllTextAsync(WorkflowPath, yaml);
    }

    /// <summary>Runs <c>batchsync run</c> (on AWS Batch, not --local) as its own process, the way the run job does.</summary>
    public async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] extra)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.UTF8, StandardErrorEncoding = Encoding.UTF8 };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "batchsync.dll"), "run", WorkflowPath }.Concat(extra))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("MYSQL_PWD");
        foreach (var (name, value) in AwsEnvironment)
        {
            start.Environment[name] = value;
        }

        start.Environment["BATCHSYNC_JOB_QUEUE"] = Queue;
        start.Environment["BATCHSYNC_WORK_JOB_DEFINITION"] = WorkDefinition;
        start.Environment["BATCHSYNC_WORK_ATTEMPTS"] = "2";
        start.Environment["BATCHSYNC_POLL_SECONDS"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    public string RunPrefix(string runId) => $"batchsync/runs/shop/{runId}/";

    /// <summary>The environment of a <c>batchsync</c> process of this world (for a child started with <c>ChildRun</c>).</summary>
    public Dictionary<string, string?> ProcessEnvironment() => new(AwsEnvironment, StringComparer.Ordinal) { ["MYSQL_PWD"] = null };

    public async Task<List<string>> KeysAsync(string prefix)
    {
        var keys = new List<string>();
        var request = new ListObjectsV2Request { BucketName = Bucket, Prefix = prefix };
        ListObjectsV2Response page;
        do
        {
            page = await S3.ListObjectsV2Async(request);
            keys.AddRange((page.S3Objects ?? []).Select(o => o.Key));
            request.ContinuationToken = page.NextContinuationToken;
        }
        while (page.IsTruncated == true);

        return keys;
    }

    public async Task<byte[]> DownloadAsync(string key)
    {
        using var response = await S3.GetObjectAsync(Bucket, key);
        using var buffer = new MemoryStream();
        await response.ResponseStream.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    public async Task<JsonNode> ReadJsonAsync(string key) => JsonNode.Parse(await DownloadAsync(key))!;

    /// <summary>Every part staged for a table, downloaded and decompressed with the system's gzip, as CSV lines.</summary>
    public async Task<List<string>> StagedLinesAsync(string runId, string table)
    {
        var lines = new List<string>();
        var parts = (await KeysAsync($"{RunPrefix(runId)}tables/{table}/items/")).Where(k => k.EndsWith(".csv.gz", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        foreach (var key in parts)
        {
            var path = Path.Combine(Directory, Guid.NewGuid().ToString("N") + ".csv.gz");
            await File.WriteAllBytesAsync(path, await DownloadAsync(key));
            lines.AddRange((await Run.RunSandbox.GunzipAsync(path)).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }

        return lines;
    }

    public string ChildOutput() => string.Join('\n', Batch.Jobs.SelectMany(j => j.Children).Select(c => c.Output));

    public async ValueTask DisposeAsync()
    {
        await Batch.DisposeAsync();
        S3.Dispose();
        await BatchApi.DisposeAsync();
        await Secrets.DisposeAsync();
        await S3StandIn.DisposeAsync();
        await S3Server.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
