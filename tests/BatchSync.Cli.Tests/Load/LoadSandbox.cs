using System.CommandLine;
using BatchSync.BigQuery.Fake;
using BatchSync.Cli.Tests.Run;
using BatchSync.Commands;
using BatchSync.Composition;
using BatchSync.Composition.BigQueryDestination;

namespace BatchSync.Cli.Tests.Load;

/// <summary>
/// A run sandbox (own database on the shared MariaDB, staging folder) whose workflow lands in a strict fake BigQuery
/// reached through destination.endpoint, exactly as a user would point BatchSync at an emulator.
/// </summary>
internal sealed class LoadSandbox : IAsyncDisposable
{
    public const string Project = "shop-project";
    public const string Dataset = "shop";
    public const string Location = "asia-northeast1";

    private LoadSandbox(RunSandbox run, FakeBigQueryServer bigQuery)
    {
        Run = run;
        BigQuery = bigQuery;
    }

    public RunSandbox Run { get; }

    public FakeBigQueryServer BigQuery { get; }

    public static async Task<LoadSandbox> CreateAsync()
    {
        var run = await RunSandbox.CreateAsync();
        // The fake accepts only the token BatchSync sends to a loopback endpoint without credentials.
        return new LoadSandbox(run, await FakeBigQueryServer.StartAsync(EmulatorEndpoint.Token));
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
              type: bigquery
              project: {Project}
              dataset: {Dataset}
              location: {location ?? Location}
              endpoint: {BigQuery.BaseUri}
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

    /// <summary>The destination table's rows in the fake, each column → canonical text (null for NULL).</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string?>> Rows(string table) => BigQuery.Rows(Project, Dataset, table);

    public bool HasTable(string table) => BigQuery.Table(Project, Dataset, table) is not null;

    /// <summary>Tables of the dataset whose name marks them as a run's staging table.</summary>
    public IReadOnlyList<string> StagingTables()
    {
        lock (BigQuery.State.Sync)
        {
            return [.. BigQuery.State.Tables.Values.Where(t => t.TableName.Contains("__batchsync_", StringComparison.Ordinal)).Select(t => t.TableName)];
        }
    }

    public async ValueTask DisposeAsync()
    {
        await BigQuery.DisposeAsync();
        Run.Dispose();
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
