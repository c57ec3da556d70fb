using System.CommandLine;
using BatchSync.BigQuery.Fake;
using BatchSync.Cli.Tests.Run;
using BatchSync.Commands;
using BatchSync.Composition;
using BatchSync.Composition.BigQueryDestination;

namespace BatchSync.Cli.Tests.Load;

/// <summary>
/// A run sandbox (own database on the shared MariaDB, staging folder) whose workflow lands in a destination: the
/// strict fake BigQuery (reached through destination.endpoint, as a user would point BatchSync at an emulator) or a
/// real DuckDB file. The same workflow serves both; only the destination block differs.
/// </summary>
internal sealed class LoadSandbox : IAsyncDisposable
{
    public const string Project = FakeBigQueryDestination.Project;
    public const string Dataset = FakeBigQueryDestination.Dataset;

    private LoadSandbox(RunSandbox run, ITestDestination destination)
    {
        Run = run;
        Destination = destination;
    }

    public RunSandbox Run { get; }

    public ITestDestination Destination { get; }

    public FakeBigQueryServer BigQuery => (Destination as FakeBigQueryDestination)?.Server
        ?? throw new InvalidOperationException("This sandbox lands in DuckDB, not BigQuery.");

    public static async Task<LoadSandbox> CreateAsync()
    {
        var run = await RunSandbox.CreateAsync();
        // The fake accepts only the token BatchSync sends to a loopback endpoint without credentials.
        return new LoadSandbox(run, new FakeBigQueryDestination(await FakeBigQueryServer.StartAsync(EmulatorEndpoint.Token)));
    }

    public static async Task<LoadSandbox> CreateDuckDbAsync()
    {
        var run = await RunSandbox.CreateAsync();
        return new LoadSandbox(run, new DuckDbFileDestination(run.Directory));
    }

    public Task SqlAsync(string sql) => Run.SqlAsync(sql);

    public async Task WriteWorkflowAsync(string tablesYaml, string defaults = "parallelism: 2", string? location = null)
    {
        var yaml = $"""
            name: shop
            timezone: Asia/Tokyo
            source:
              host: {Run.Server.Host}
              port: {Run.Server.Port}
              user: root
              password: env:BATCHSYNC_TEST_MYSQL_PASSWORD
              database: {Run.Database}
              tls: disabled
            staging:
              uri: {Run.Staging}
            destination:
            {Destination.WorkflowBlock(location)}
            defaults:
              {defaults}
            tables:
            {tablesYaml}
            """;
        Environment.SetEnvironmentVariable("BATCHSYNC_TEST_MYSQL_PASSWORD", Testing.MariaDbServer.RootPassword);
        await File.WriteAllTextAsync(Run.WorkflowPath, yaml);
    }

    /// <summary>Runs <c>batchsync run WORKFLOW --local --run-id ID</c> in this process, at <paramref name="now"/> when given.</summary>
    public async Task<CliResult> RunAsync(string runId, DateTimeOffset? now = null, IRunAdapters? adapters = null, CancellationToken cancellationToken = default)
    {
        var time = now is { } fixedNow ? new FixedTime(fixedNow) : TimeProvider.System;
        var root = new RootCommand("batchsync") { RunCommand.Create(adapters ?? ProductionAdapters.Instance, time) };
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exitCode = await root.Parse(["run", Run.WorkflowPath, "--local", "--run-id", runId])
            .InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }, cancellationToken);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The destination table's rows, each column → canonical text (null for NULL).</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string?>> Rows(string table) => Destination.Rows(table);

    public bool HasTable(string table) => Destination.HasTable(table);

    public IReadOnlyList<string> StagingTables() => Destination.StagingTables();

    public async ValueTask DisposeAsync()
    {
        await Destination.DisposeAsync();
        Run.Dispose();
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
