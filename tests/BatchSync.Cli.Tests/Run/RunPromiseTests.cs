using BatchSync.Cli.Tests.Export;

namespace BatchSync.Cli.Tests.Run;

/// <summary>
/// The run promises of docs/runs.md: a failed item never stops its lane, a resumed run says when the workflow changed,
/// every option error exits 2 with one line, and failures read as sentences rather than .NET messages.
/// </summary>
public sealed class RunPromiseTests : IAsyncLifetime
{
    private RunSandbox _sandbox = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await RunSandbox.CreateAsync();
        await _sandbox.SqlAsync("""
            CREATE TABLE alpha (id INT PRIMARY KEY, name VARCHAR(20) NOT NULL);
            INSERT INTO alpha SELECT seq, CONCAT('a', seq) FROM seq_1_to_30;
            CREATE TABLE beta (id INT PRIMARY KEY, shipped_on DATE NULL);
            SET SESSION sql_mode = '';
            INSERT INTO beta VALUES (1, '2026-01-02'), (2, '0000-00-00');
            """);
        await _sandbox.WriteWorkflowAsync("""
              - table: alpha
              - table: beta
            """, defaults: "parallelism: 1");
    }

    public Task DisposeAsync()
    {
        _sandbox.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_failed_item_never_stops_its_lane_even_when_its_status_cannot_be_written()
    {
        // A file where alpha's item folder should be: nothing about alpha can be written, beta (same lane) must still run.
        var blocked = Path.Combine(_sandbox.RunFolder("lane-1"), "tables", "alpha", "items", "00000");
        Directory.CreateDirectory(Path.GetDirectoryName(blocked)!);
        await File.WriteAllTextAsync(blocked, "in the way");

        var result = await _sandbox.RunAsync("--run-id", "lane-1");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(1, _sandbox.Manifest("lane-1")["lanes"]!.GetValue<int>());
        Assert.Equal("done", _sandbox.Status("lane-1", "beta", "00000")["state"]!.GetValue<string>());
        Assert.Equal(2, (await _sandbox.StagedLinesAsync("lane-1", "beta")).Count);
        Assert.Contains("could not be recorded", result.Output, StringComparison.Ordinal);
        Assert.Contains("is a file where a folder should be", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("stopped", result.Error, StringComparison.Ordinal);
        Assert.Contains("1 of 2 tables were staged", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resuming_a_run_whose_workflow_or_tables_changed_is_refused_with_what_to_do()
    {
        await _sandbox.WriteWorkflowAsync("""
              - table: alpha
              - table: beta
                zero_dates: fail
            """, defaults: "parallelism: 1");
        var first = await _sandbox.RunAsync("--run-id", "changed-1");
        Assert.True(first.ExitCode == 1, first.ToString());

        var narrowed = await _sandbox.RunAsync("--run-id", "changed-1", "--tables", "beta");
        await _sandbox.WriteWorkflowAsync("""
              - table: alpha
              - table: beta
                zero_dates: "null"
            """, defaults: "parallelism: 1");
        var edited = await _sandbox.RunAsync("--run-id", "changed-1");
        var fresh = await _sandbox.RunAsync("--run-id", "changed-2");

        Assert.True(narrowed.ExitCode == 2, narrowed.ToString());
        Assert.Contains("planned for", narrowed.Error, StringComparison.Ordinal);
        Assert.True(edited.ExitCode == 2, edited.ToString());
        Assert.Contains("changed since the run was planned", edited.Error, StringComparison.Ordinal);
        Assert.Contains("Start a new run", edited.Error, StringComparison.Ordinal);
        Assert.True(fresh.ExitCode == 0, fresh.ToString());
    }

    [Theory]
    [InlineData("run", "--parallelism", "abc")]
    [InlineData("run", "--parallelism", "99999999999")]
    [InlineData("run", "--parallelism", "0")]
    [InlineData("plan", "--parallelism", "-3")]
    [InlineData("run", "--no-such-option", "1")]
    public async Task Every_option_error_exits_2_with_a_one_line_message(string command, string option, string value)
    {
        var (exitCode, output, error) = await BatchSyncProcess.RunAsync(new Dictionary<string, string?>(), command, _sandbox.WorkflowPath, option, value);

        Assert.True(exitCode == 2, $"exit {exitCode}\n{output}\n{error}");
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, error);
        Assert.StartsWith("error: ", lines[0], StringComparison.Ordinal);
        Assert.Contains($"batchsync {command} --help", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Usage_and_staging_failures_read_as_sentences_not_dotnet_messages()
    {
        var notAFolder = Path.Combine(_sandbox.Directory, "plain-file");
        await File.WriteAllTextAsync(notAFolder, "x");
        var secrets = Path.Combine(_sandbox.Directory, "secrets.json");
        await File.WriteAllTextAsync(secrets, "{}");

        var unknownTable = await _sandbox.RunAsync("--tables", "nope");
        var badStaging = await _sandbox.RunAsync("--staging", Path.Combine(notAFolder, "staging"));
        await _sandbox.WriteWorkflowAsync("""
              - table: alpha
            """, defaults: "parallelism: 1");
        await File.WriteAllTextAsync(_sandbox.WorkflowPath, (await File.ReadAllTextAsync(_sandbox.WorkflowPath)).Replace("env:BATCHSYNC_TEST_MYSQL_PASSWORD", "secret:shop/mysql#password", StringComparison.Ordinal));
        var missingSecret = await _sandbox.RunAsync("--secrets", secrets);
        await File.WriteAllTextAsync(secrets, """{"shop/mysql": {"password": "not-the-password"}}""");
        var wrongPassword = await _sandbox.RunAsync("--secrets", secrets);

        Assert.True(unknownTable.ExitCode == 2, unknownTable.ToString());
        Assert.Contains("'nope'", unknownTable.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", unknownTable.Error, StringComparison.Ordinal);
        Assert.True(badStaging.ExitCode == 1, badStaging.ToString());
        Assert.Contains("is a file where a folder should be", badStaging.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Could not find a part of the path", badStaging.Error, StringComparison.Ordinal);
        Assert.True(missingSecret.ExitCode == 2, missingSecret.ToString());
        Assert.Contains("shop/mysql", missingSecret.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", missingSecret.Error, StringComparison.Ordinal);
        Assert.True(wrongPassword.ExitCode == 1, wrongPassword.ToString());
        Assert.Contains("refused the login", wrongPassword.Error, StringComparison.Ordinal);
        Assert.Contains("'root'@", wrongPassword.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", wrongPassword.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", wrongPassword.Error + wrongPassword.Output, StringComparison.Ordinal);
    }
}
