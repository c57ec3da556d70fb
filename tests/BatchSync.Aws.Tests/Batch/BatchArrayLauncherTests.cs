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
    public async Task A_submit_whose_answer_was_lost_is_found_by_name_instead_of_starting_a_second_array_job()
    {
        // Batch created the job, but the answer never arrived: SubmitJob has no idempotency token to make a retry safe.
        _queue.LoseSubmitAnswers = 1;

        var result = await Launcher(retries: 3).RunLanesAsync(Manifest(lanes: 3), default);

        Assert.True(result.AllLanesCompleted);
        Assert.Single(_queue.Jobs);
        Assert.Single(_fake.Calls, c => c.Operation == "SubmitJob");
        Assert.Contains(_fake.Calls, c => c.Operation == "ListJobs");
    }

    [Fact]
    public async Task A_submit_that_failed_before_batch_created_the_job_is_submitted_again_after_the_lookup()
    {
        _queue.RefuseSubmits = 1;

        var result = await Launcher(retries: 3).RunLanesAsync(Manifest(lanes: 2), default);

        Assert.True(result.AllLanesCompleted);
        Assert.Single(_queue.Jobs);
        // The lookup before the first submit, the refused submit, the lookup after it, then the submit that created the job.
        Assert.Equal(["ListJobs", "SubmitJob", "ListJobs", "SubmitJob"], _fake.Calls.Select(c => c.Operation).Where(o => o is "ListJobs" or "SubmitJob"));
    }

    [Fact]
    public async Task The_orphan_is_found_on_a_later_page_among_jobs_whose_names_differ_only_in_case()
    {
        var manifest = Manifest(lanes: 2);
        await Launcher().RunLanesAsync(manifest, default);
        _documents.Documents.Clear();
        // JOB_NAME matches case-insensitively and pages hold 100: these newer jobs fill the first two pages.
        var name = Assert.Single(_queue.Jobs).Name;
        for (var i = 0; i < 150; i++)
        {
            _queue.AddFinished(name.ToUpperInvariant(), "SUCCEEDED");
        }

        await Launcher().RunLanesAsync(manifest, default);

        Assert.Single(_fake.Calls, c => c.Operation == "SubmitJob");
        Assert.True(_fake.Calls.Count(c => c.Operation == "ListJobs") >= 2, "the lookup must follow nextToken");
        Assert.Empty(_fake.Rejections);
    }

    [Fact]
    public async Task The_batch_fake_lists_like_batch_running_only_without_a_status_prefix_names_and_errors_in_the_header()
    {
        _queue.AddFinished("batchsync-shop-a", "SUCCEEDED");
        _queue.AddFinished("BatchSync-Shop-B", "FAILED");
        var client = BatchClientFor(retries: 0);
        var json = JsonClient(0);

        var running = await json.CallAsync("/v1/listjobs", new System.Text.Json.Nodes.JsonObject { ["jobQueue"] = "batchsync-queue" }, default);
        var prefixed = await json.CallAsync("/v1/listjobs", new System.Text.Json.Nodes.JsonObject
        {
            ["jobQueue"] = "batchsync-queue",
            ["filters"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["name"] = "JOB_NAME", ["values"] = new System.Text.Json.Nodes.JsonArray("BATCHSYNC-shop-*") }),
        }, default);
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.TerminateAsync("no-such-job", "test", default));

        Assert.Empty(running["jobSummaryList"]!.AsArray());
        Assert.Equal(["BatchSync-Shop-B", "batchsync-shop-a"], prefixed["jobSummaryList"]!.AsArray().Select(j => j!["jobName"]!.GetValue<string>()));
        Assert.Equal("ClientException", error.Code);
        Assert.Contains("Job not found", error.Message, StringComparison.Ordinal);
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

    private BatchArrayLauncher Launcher(TimeSpan? pollInterval = null, int retries = 0)
    {
        var options = new BatchLaunchOptions { JobQueue = "batchsync-queue", WorkJobDefinition = "work-def:7", PollInterval = pollInterval ?? TimeSpan.Zero };
        return new BatchArrayLauncher(BatchClientFor(retries), _documents, options);
    }

    private BatchClient BatchClientFor(int retries) => new(JsonClient(retries));

    private AwsJsonClient JsonClient(int retries) => new(
        _http,
        new AwsEndpoint(_fake.Url, AwsJsonFake.Region, BatchClient.SigningName),
        AwsJsonProtocol.RestJson,
        targetPrefix: null,
        new StaticCredentialSource(AwsJsonFake.AccessKey, AwsJsonFake.SecretKey),
        new AwsRetryOptions { MaxRetries = retries, BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero });

    private static RunManifest Manifest(int lanes)
        => new("shop", "workflows/shop.yml", "20261121T180000Z-abcdef", DateTimeOffset.UnixEpoch, new DateOnly(2026, 11, 21),
            "s3://bucket/batchsync/", DestinationSummary.StageOnly, lanes, []);

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
    }
}
