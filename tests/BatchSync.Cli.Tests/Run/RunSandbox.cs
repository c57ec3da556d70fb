using System.Diagnostics;
using System.Text.Json.Nodes;
using BatchSync.Testing;

namespace BatchSync.Cli.Tests.Run;

/// <summary>
/// One test's world: its own database on the shared MariaDB, a workflow file and a staging folder in a temp directory,
/// and readers for what a run staged that do not go through BatchSync's own code (gzip -dc, plain JSON).
/// </summary>
internal sealed class RunSandbox : IDisposable
{
    private RunSandbox(MariaDbServer server, string database, string directory)
    {
        Server = server;
        Database = database;
        Directory = directory;
    }

    public MariaDbServer Server { get; }

    public string Database { get; }

    public string Directory { get; }

    public string Staging => Path.Combine(Directory, "staging");

    public string WorkflowPath => Path.Combine(Directory, "shop.yml");

    public static async Task<RunSandbox> CreateAsync()
    {
        var server = await SharedMariaDb.GetAsync();
        var database = await SharedMariaDb.CreateDatabaseAsync("run");
        var directory = Path.Combine(Path.GetTempPath(), "batchsync-run-" + Guid.NewGuid().ToString("N")[..10]);
        System.IO.Directory.CreateDirectory(directory);
        return new RunSandbox(server, database, directory);
    }

    public Task SqlAsync(string sql) => Server.ExecuteAsync(sql, Database);

    /// <summary>Writes the workflow: the source is this sandbox's database, staging its folder, no destination.</summary>
    public async Task WriteWorkflowAsync(string tablesYaml, string defaults = "parallelism: 3", string destination = "type: none", string notify = "{}")
    {
        var yaml = $"""
            name: shop
            source:
              host: {Server.Host}
              port: {Server.Port}
              user: root
              password: env:BATCHSYNC_TEST_MYSQL_PASSWORD
              database: {Database}
              tls: disabled
            staging:
              uri: {Staging}
            destination:
              {destination}
            defaults:
              {defaults}
            notify: {notify}
            tables:
            {tablesYaml}
            """;
        Environment.SetEnvironmentVariable("BATCHSYNC_TEST_MYSQL_PASSWORD", MariaDbServer.RootPassword);
        await File.WriteAllTextAsync(WorkflowPath, yaml);
    }

    public Task<CliResult> RunAsync(params string[] extra) => CliInvocation.RunAsync(["run", WorkflowPath, "--local", .. extra]);

    public string RunFolder(string runId) => Path.Combine(Staging, "runs", "shop", runId);

    public JsonNode ReadJson(string runId, string relative) => JsonNode.Parse(File.ReadAllText(Path.Combine(RunFolder(runId), relative)))!;

    public JsonNode Manifest(string runId) => ReadJson(runId, "manifest.json");

    public JsonNode Status(string runId, string table, string item) => ReadJson(runId, $"tables/{table}/items/{item}/status.json");

    /// <summary>Every part file staged for a table, decompressed with the system's gzip and split into CSV lines.</summary>
    public async Task<List<string>> StagedLinesAsync(string runId, string table)
    {
        var items = Path.Combine(RunFolder(runId), "tables", table, "items");
        var lines = new List<string>();
        foreach (var part in System.IO.Directory.EnumerateFiles(items, "part-*.csv.gz", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            lines.AddRange((await GunzipAsync(part)).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }

        return lines;
    }

    public static async Task<string> GunzipAsync(string path)
    {
        var start = new ProcessStartInfo("gzip", ["-dc", path]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"gzip -dc {path} failed: {await process.StandardError.ReadToEndAsync()}");
        return text;
    }

    public static string RunIdOf(CliResult result)
    {
        var planned = result.Output.Split('\n').Select(l => l.Trim()).First(l => l.Contains("\"run_planned\"", StringComparison.Ordinal));
        return JsonNode.Parse(planned)!["run_id"]!.GetValue<string>();
    }

    public void Dispose()
    {
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
