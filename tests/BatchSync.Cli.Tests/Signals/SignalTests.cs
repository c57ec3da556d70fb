using BatchSync.Cli.Tests.Run;

namespace BatchSync.Cli.Tests.Signals;

/// <summary>
/// docs/runs.md: "Ctrl-C / SIGTERM stops promptly. The item in progress is recorded as failed, its partial parts are
/// withdrawn, and a re-run with the same --run-id redoes it"; exit 130 (SIGINT) / 143 (SIGTERM). Real signals to a
/// real child process, mid-item.
/// </summary>
public sealed class SignalTests : IAsyncLifetime
{
    private RunSandbox _sandbox = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await RunSandbox.CreateAsync();
        // Wide rows the server hands out slowly (SLEEP per row): chunks reach the part writer while the item is far
        // from done, so a temporary part file exists when the signal arrives.
        await _sandbox.SqlAsync("""
            CREATE TABLE events (id INT PRIMARY KEY, body MEDIUMTEXT NOT NULL);
            INSERT INTO events SELECT seq, REPEAT(CHAR(97 + seq % 26), 100000) FROM seq_1_to_400;
            """);
        await _sandbox.WriteWorkflowAsync("""
              - table: events
                where: "SLEEP(0.05) = 0"
            """, defaults: "parallelism: 1");
    }

    public Task DisposeAsync()
    {
        _sandbox.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("INT", 130)]
    [InlineData("TERM", 143)]
    public async Task Ctrl_C_and_SIGTERM_stop_promptly_record_the_item_as_failed_withdraw_partial_parts_and_exit_128_plus_the_signal(string signal, int expectedExit)
    {
        var runId = "signal-" + signal.ToLowerInvariant();
        await using var child = ChildRun.Start("run", _sandbox.WorkflowPath, "--local", "--run-id", runId);
        await child.WaitForEventAsync("item_progress");

        await child.SignalAsync(signal);
        var exitCode = await child.WaitForExitAsync();

        Assert.True(exitCode == expectedExit, $"exit {exitCode}\n{child.Output}\n{child.Error}");
        var status = _sandbox.Status(runId, "events", "00000");
        Assert.Equal("failed", status["state"]!.GetValue<string>());
        Assert.Contains("Cancelled", status["error"]!.GetValue<string>(), StringComparison.Ordinal);
        var leftovers = Directory.EnumerateFiles(_sandbox.RunFolder(runId), "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f).StartsWith('.') || Path.GetFileName(f).StartsWith("part-", StringComparison.Ordinal))
            .ToList();
        Assert.True(leftovers.Count == 0, "left behind: " + string.Join(", ", leftovers));
        Assert.DoesNotContain("Unhandled", child.Error, StringComparison.Ordinal);
        Assert.Contains("--run-id", child.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_run_with_the_same_run_id_while_the_first_is_running_is_refused()
    {
        await using var first = ChildRun.Start("run", _sandbox.WorkflowPath, "--local", "--run-id", "lease-1");
        await first.WaitForEventAsync("item_progress");

        var second = await _sandbox.RunAsync("--run-id", "lease-1");

        Assert.True(second.ExitCode == 2, second.ToString());
        Assert.Contains("already running", second.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("run_planned", second.Output, StringComparison.Ordinal);
        await first.SignalAsync("TERM");
        Assert.Equal(143, await first.WaitForExitAsync());
        Assert.Equal("failed", _sandbox.Status("lease-1", "events", "00000")["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Status_of_a_running_run_counts_the_tables_that_could_not_be_planned_in_its_header()
    {
        await _sandbox.WriteWorkflowAsync("""
              - table: events
                where: "SLEEP(0.05) = 0"
              - table: no_such_table
            """, defaults: "parallelism: 1");
        await using var run = ChildRun.Start("run", _sandbox.WorkflowPath, "--local", "--run-id", "status-live");
        await run.WaitForEventAsync("item_progress");

        var status = await CliInvocation.RunAsync(["status", "status-live", "--staging", _sandbox.Staging]);

        Assert.True(status.ExitCode == 1, status.ToString());
        var header = status.Output.Split('\n')[0];
        Assert.Contains("1 running", header, StringComparison.Ordinal);
        Assert.Contains("1 of 2 tables not planned", header, StringComparison.Ordinal);
        Assert.Contains("no_such_table", status.Output, StringComparison.Ordinal);
        await run.SignalAsync("TERM");
        Assert.Equal(143, await run.WaitForExitAsync());
    }

    [Theory]
    [InlineData("INT", 130)]
    [InlineData("TERM", 143)]
    public async Task An_interrupted_export_withdraws_every_part_it_started_exits_128_plus_the_signal_and_its_folder_can_be_used_again(string signal, int expectedExit)
    {
        var folder = Path.Combine(_sandbox.Directory, "export-" + signal.ToLowerInvariant());
        var password = new Dictionary<string, string?> { ["MYSQL_PWD"] = BatchSync.Testing.MariaDbServer.RootPassword };
        var source = $"mysql://root@{_sandbox.Server.Host}:{_sandbox.Server.Port}/{_sandbox.Database}";
        await using var child = ChildRun.Start(password, "export", source, "events", "--out", folder, "--where", "SLEEP(0.05) = 0", "--tls", "disabled");
        await child.WaitUntilAsync(() => Directory.Exists(folder) && Directory.EnumerateFiles(folder).Any(), "a part file appeared");

        await child.SignalAsync(signal);
        var exitCode = await child.WaitForExitAsync();
        var leftovers = Directory.EnumerateFiles(folder).Select(Path.GetFileName).ToList();
        var again = await BatchSync.Cli.Tests.Export.BatchSyncProcess.RunAsync(password, "export", source, "events", "--out", folder, "--where", "id <= 3", "--tls", "disabled");

        Assert.True(exitCode == expectedExit, $"exit {exitCode}\n{child.Output}\n{child.Error}");
        Assert.True(leftovers.Count == 0, $"left behind: {string.Join(", ", leftovers)}\n{child.Error}");
        Assert.DoesNotContain("did not finish", child.Error, StringComparison.Ordinal);
        Assert.True(again.ExitCode == 0, $"exit {again.ExitCode}\n{again.Output}\n{again.Error}");
        Assert.Equal(["export.json", "part-00000.csv.gz", "schema.json"], Directory.EnumerateFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
