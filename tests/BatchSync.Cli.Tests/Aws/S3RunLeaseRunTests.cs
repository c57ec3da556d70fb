using System.Globalization;
using BatchSync.Cli.Tests.Signals;

namespace BatchSync.Cli.Tests.Aws;

/// <summary>
/// docs/runs.md, one process per run, with staging in S3: the lease is an object created only if absent
/// (If-None-Match: *, enforced by the S3 stand-in as S3 does), deleted at the end, taken over by a retry of the same
/// AWS Batch job, and left behind by a run killed outright, which must then be deleted to resume. Real child processes;
/// lanes run in the run's process (--local) so the first run is still reading when the second starts.
/// </summary>
public sealed class S3RunLeaseRunTests : IAsyncLifetime
{
    private const int Rows = 200;

    private AwsRunWorld _world = null!;

    public async Task InitializeAsync()
    {
        _world = await AwsRunWorld.CreateAsync();
        // Wide rows the server hands out slowly (SLEEP per row): the run is mid-item for seconds.
        await _world.SqlAsync($"""
            CREATE TABLE events (id INT PRIMARY KEY, body MEDIUMTEXT NOT NULL);
            INSERT INTO events SELECT seq, REPEAT(CHAR(97 + seq % 26), 100000) FROM seq_1_to_{Rows};
            """);
        await _world.WriteWorkflowAsync("""
              - table: events
                where: "SLEEP(0.05) = 0"
            """);
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task A_second_run_with_the_same_run_id_is_refused_while_the_first_holds_its_s3_lease_which_is_deleted_when_it_ends()
    {
        await using var first = ChildRun.Start(_world.ProcessEnvironment(), "run", _world.WorkflowPath, "--local", "--run-id", "lease-s3");
        await first.WaitForEventAsync("item_progress");

        var second = await _world.RunAsync("--local", "--run-id", "lease-s3");

        Assert.True(second.ExitCode == 2, Describe(second));
        Assert.Contains("is already running", second.Error, StringComparison.Ordinal);
        Assert.Contains($"s3://{AwsRunWorld.Bucket}/{LeaseKey("lease-s3")}", second.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("run_planned", second.Output, StringComparison.Ordinal);
        Assert.Contains(LeaseKey("lease-s3"), await _world.KeysAsync(_world.RunPrefix("lease-s3")));
        await first.SignalAsync("TERM");
        Assert.Equal(143, await first.WaitForExitAsync());
        Assert.DoesNotContain(LeaseKey("lease-s3"), await _world.KeysAsync(_world.RunPrefix("lease-s3")));
    }

    [Fact]
    public async Task A_lease_left_by_a_run_killed_outright_refuses_the_next_run_until_it_is_deleted()
    {
        await using (var killed = ChildRun.Start(_world.ProcessEnvironment(), "run", _world.WorkflowPath, "--local", "--run-id", "lease-kill"))
        {
            await killed.WaitForEventAsync("item_progress");
        }

        var refused = await _world.RunAsync("--local", "--run-id", "lease-kill");
        await _world.S3.DeleteObjectAsync(AwsRunWorld.Bucket, LeaseKey("lease-kill"));
        var resumed = await _world.RunAsync("--local", "--run-id", "lease-kill");

        Assert.True(refused.ExitCode == 2, Describe(refused));
        Assert.Contains("delete the lease", refused.Error, StringComparison.Ordinal);
        Assert.True(resumed.ExitCode == 0, Describe(resumed));
        Assert.Contains("Resumed run lease-kill", resumed.Output + resumed.Error, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(1, Rows), await StagedIdsAsync("lease-kill"));
        Assert.DoesNotContain(LeaseKey("lease-kill"), await _world.KeysAsync(_world.RunPrefix("lease-kill")));
    }

    [Fact]
    public async Task A_retried_attempt_of_the_same_aws_batch_job_takes_over_the_lease_its_killed_attempt_left()
    {
        // AWS Batch gives every attempt of one job the same AWS_BATCH_JOB_ID; the run id defaults to it.
        const string jobId = "3f6c2a9e-8b1d-4c7a-a2e5-5d9b0f1c7e24";
        _world.AwsEnvironment["AWS_BATCH_JOB_ID"] = jobId;
        await using (var killed = ChildRun.Start(_world.ProcessEnvironment(), "run", _world.WorkflowPath, "--local"))
        {
            await killed.WaitForEventAsync("item_progress");
        }

        var retried = await _world.RunAsync("--local");

        Assert.True(retried.ExitCode == 0, Describe(retried));
        Assert.Contains($"Resumed run {jobId}", retried.Output + retried.Error, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(1, Rows), await StagedIdsAsync(jobId));
    }

    private string LeaseKey(string runId) => _world.RunPrefix(runId) + "run.lease";

    private async Task<List<int>> StagedIdsAsync(string runId)
        => [.. (await _world.StagedLinesAsync(runId, "events")).Select(l => int.Parse(l.Split(',')[0], CultureInfo.InvariantCulture)).Order()];

    private static string Describe((int ExitCode, string Output, string Error) result)
        => $"exit {result.ExitCode}\n--- stdout\n{result.Output}\n--- stderr\n{result.Error}";
}
