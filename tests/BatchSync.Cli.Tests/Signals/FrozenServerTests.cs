using BatchSync.Cli.Tests.Run;
using BatchSync.Testing;

namespace BatchSync.Cli.Tests.Signals;

/// <summary>
/// docs/workflow-reference.md, source.read_timeout: a server that stops sending mid-result fails the attempt after the
/// read timeout, and the attempt is retried like other transient failures; the item fails with the reason once retries
/// are spent, and the run ends instead of hanging.
/// </summary>
public sealed class FrozenServerTests : IAsyncLifetime
{
    private RunSandbox _sandbox = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await RunSandbox.CreateAsync();
        await _sandbox.SqlAsync("""
            CREATE TABLE readings (id INT PRIMARY KEY, body VARCHAR(200) NOT NULL);
            INSERT INTO readings SELECT seq, REPEAT('r', 150) FROM seq_1_to_20000;
            """);
    }

    public Task DisposeAsync()
    {
        _sandbox.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_frozen_server_fails_the_attempt_after_read_timeout_and_the_attempt_is_retried()
    {
        // Planning and schema discovery exchange a few kilobytes; the rows are 3 MB. Freeze in the middle of the rows.
        await using var proxy = FreezingProxy.Start(_sandbox.Server.Host, _sandbox.Server.Port, freezeAfterBytes: 256 * 1024);
        await File.WriteAllTextAsync(_sandbox.WorkflowPath, $"""
            name: shop
            source:
              host: 127.0.0.1
              port: {proxy.Port}
              user: root
              password: env:BATCHSYNC_TEST_MYSQL_PASSWORD
              database: {_sandbox.Database}
              tls: disabled
              read_timeout: 2s
            staging:
              uri: {_sandbox.Staging}
            destination:
              type: none
            defaults:
              retries: 1
            tables:
              - table: readings
            """);
        Environment.SetEnvironmentVariable("BATCHSYNC_TEST_MYSQL_PASSWORD", MariaDbServer.RootPassword);

        var result = await _sandbox.RunAsync("--run-id", "frozen-1");

        Assert.True(result.ExitCode == 1, result.ToString());
        var status = _sandbox.Status("frozen-1", "readings", "00000");
        Assert.Equal("failed", status["state"]!.GetValue<string>());
        Assert.Equal(2, status["attempts"]!.GetValue<int>());
        Assert.Contains("read timeout", status["error"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(2, proxy.Frozen);
    }
}
