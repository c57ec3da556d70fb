using BatchSync.Aws.Batch;
using BatchSync.Aws.Fake;
using BatchSync.Aws.Json;
using BatchSync.Aws.Signing;
using BatchSync.Core.Runs;

namespace BatchSync.Aws.Tests.Batch;

public sealed class BatchArrayLauncherTests : IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private readonly InMemoryRunDocuments _documents = new();
    private AwsJsonFake _fake = null!;
    private FakeBatchQueue _queue = null!;

    public async Task InitializeAsync()
    {
        _fake = await AwsJsonFake.StartAsync("batch");
        _queue = new FakeBatchQueue(_fake);
    }

    [Fact]
    public async Task Lanes_run_as_one_array_job_whose_children_work_the_manifest()
    {
        var result = await Launcher().RunLanesAsync(Manifest(lanes: 4), default);

        Assert.True(result.AllLanesCompleted);
        var job = Assert.Single(_queue.Jobs);
        Assert.Equal(4, job.Request["arrayProperties"]!["size"]!.GetValue<int>());
        Assert.Equal("batchsync-shop-20261121T180000Z-abcdef-1", job.Name);
        Assert.Equal(["work", "s3://bucket/batchsync/runs/shop/20261121T180000Z-abcdef/manifest.json"],
            job.Request["containerOverrides"]!["command"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal("work-def:7", job.Request["jobDefinition"]!.GetValue<string>());
        Assert.Equal(3, job.Request["retryStrategy"]!["attempts"]!.GetValue<int>());
        Assert.True(job.Describes >= 4, "the launcher must wait until the job has finished");
        Assert.Empty(_fake.Rejections);
    }

    [Fact]
    public async Task A_single_lane_is_a_plain_job_told_its_lane()
    {
        await Launcher().RunLanesAsync(Manifest(lanes: 1), default);

        var job = Assert.Single(_queue.Jobs);
        Assert.Null(job.Request["arrayProperties"]);
        Assert.Equal("0", job.Request["containerOverrides"]!["command"]!.AsArray().Last()!.GetValue<string>());
    }

    [Fact]
    public async Task Failed_children_are_reported_by_lane_with_their_exit_codes()
    {
        _queue.FailingLanes.UnionWith([1, 3]);

        var result = await Launcher().RunLanesAsync(Manifest(lanes: 4), default);

        Assert.False(result.AllLanesCompleted);
        Assert.Equal(2, result.LaneErrors.Count);
        Assert.StartsWith("Lane 1 (", result.LaneErrors[0]);
        Assert.Contains("exit code 1", result.LaneErrors[0]);
        Assert.StartsWith("Lane 3 (", result.LaneErrors[1]);
    }

    [Fact]
    public async Task A_retried_parent_reattaches_to_the_job_it_already_submitted()
    {
        var manifest = Manifest(lanes: 3);
        await Launcher().RunLanesAsync(manifest, default);

        await Launcher().RunLanesAsync(manifest, default);

        Assert.Single(_queue.Jobs);
    }

    [Fact]
    public async Task A_parent_that_died_before_recording_its_job_finds_it_by_name()
    {
        var manifest = Manifest(lanes: 2);
        await Launcher().RunLanesAsync(manifest, default);
        _documents.Documents.Clear();

        await Launcher().RunLanesAsync(manifest, default);

        Assert.Single(_queue.Jobs);
        Assert.Contains(_documents.Documents.Keys, k => k.EndsWith("/launch.json", StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_a_failed_job_a_retry_submits_a_new_one_under_a_new_name()
    {
        var manifest = Manifest(lanes: 2);
        _queue.FailingLanes.Add(0);
        await Launcher().RunLanesAsync(manifest, default);
        _queue.FailingLanes.Clear();

        var result = await Launcher().RunLanesAsync(manifest, default);

        Assert.True(result.AllLanesCompleted);
        Assert.Equal(["batchsync-shop-20261121T180000Z-abcdef-1", "batchsync-shop-20261121T180000Z-abcdef-2"], _queue.Jobs.Select(j => j.Name));
    }

    [Fact]
    public async Task Cancelling_the_parent_terminates_the_array_job()
    {
        using var cancel = new CancellationTokenSource();
        var launcher = Launcher(pollInterval: TimeSpan.FromMilliseconds(20));
        var run = launcher.RunLanesAsync(Manifest(lanes: 2), cancel.Token);
        while (_queue.Jobs.Count == 0)
        {
            await Task.Yield();
        }

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Equal("The BatchSync run job was cancelled.", Assert.Single(_queue.Jobs).TerminatedBecause);
    }

    [Fact]
    public void Options_come_from_the_job_environment_and_say_what_is_missing()
    {
        var error = Assert.Throws<InvalidOperationException>(() => BatchLaunchOptions.FromEnvironment(_ => null));
        Assert.Contains("BATCHSYNC_JOB_QUEUE", error.Message);

        var options = BatchLaunchOptions.FromEnvironment(name => name switch
        {
            "BATCHSYNC_JOB_QUEUE" => "q",
            "BATCHSYNC_WORK_JOB_DEFINITION" => "d",
            "BATCHSYNC_WORK_ATTEMPTS" => "2",
            _ => null,
        });
        Assert.Equal(("q", "d", 2), (options.JobQueue, options.WorkJobDefinition, options.Attempts));
    }

    private BatchArrayLauncher Launcher(TimeSpan? pollInterval = null)
    {
        var json = new AwsJsonClient(
            _http,
            new AwsEndpoint(_fake.Url, AwsJsonFake.Region, BatchClient.SigningName),
            AwsJsonProtocol.RestJson,
            targetPrefix: null,
            new StaticCredentialSource(AwsJsonFake.AccessKey, AwsJsonFake.SecretKey),
            new AwsRetryOptions { MaxRetries = 0 });
        var options = new BatchLaunchOptions { JobQueue = "batchsync-queue", WorkJobDefinition = "work-def:7", PollInterval = pollInterval ?? TimeSpan.Zero };
        return new BatchArrayLauncher(new BatchClient(json), _documents, options);
    }

    private static RunManifest Manifest(int lanes)
        => new("shop", "workflows/shop.yml", "20261121T180000Z-abcdef", DateTimeOffset.UnixEpoch, new DateOnly(2026, 11, 21),
            "s3://bucket/batchsync/", DestinationSummary.StageOnly, lanes, []);

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
    }
}
