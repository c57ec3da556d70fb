using System.Diagnostics;
using System.Globalization;
using static BatchSync.Cli.Tests.Load.ColumnCheck;

namespace BatchSync.Cli.Tests.Load;

/// <summary>
/// The real <c>batchsync</c> process, killed with SIGKILL at a step boundary and resumed with the same run id: the
/// destination must equal the source row for row, with no duplicate, and nothing of the killed attempt may remain.
/// </summary>
public sealed class KillAndResumeTests : IAsyncLifetime
{
    private LoadSandbox _sandbox = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await LoadSandbox.CreateAsync();
        await _sandbox.SqlAsync("""
            CREATE TABLE orders (id INT PRIMARY KEY, total DECIMAL(8,2) NOT NULL, note VARCHAR(40) NULL);
            INSERT INTO orders SELECT seq, seq / 8, IF(seq % 7 = 0, NULL, CONCAT('order ', seq)) FROM seq_1_to_3000;
            CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL);
            INSERT INTO customers SELECT seq, CONCAT('customer ', seq) FROM seq_1_to_40;
            ANALYZE TABLE orders, customers;
            """);
        // append shows a part or a landing done twice as duplicate rows; merge shows a lost or repeated MERGE.
        await _sandbox.WriteWorkflowAsync("""
              - table: orders
                mode: append
                chunk: { rows: 1000 }
              - table: customers
                mode: merge
                key: [id]
            """, defaults: "parallelism: 2");
    }

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Theory]
    [InlineData("during extraction")]
    [InlineData("after upload")]
    [InlineData("after a load job was inserted")]
    [InlineData("during landing")]
    public async Task A_run_killed_at_a_step_boundary_and_resumed_with_its_run_id_lands_every_row_once(string boundary)
    {
        var runId = "kill-" + boundary.Replace(' ', '-');
        using var process = StartRun(runId);
        var killed = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Kill(string where)
        {
            if (killed.TrySetResult(where))
            {
                process.Kill(entireProcessTree: true);
            }
        }

        using var watcher = boundary == "during extraction" ? WatchForPartFiles(runId, Kill) : null;
        _sandbox.BigQuery.AfterEachRequest = (request, body) =>
        {
            if (IsBoundary(boundary, request, body))
            {
                Kill(request);
            }
        };
        await process.WaitForExitAsync();
        _sandbox.BigQuery.AfterEachRequest = null;

        Assert.True(killed.Task.IsCompleted, $"the run ended (exit {process.ExitCode}) before it reached the boundary '{boundary}'");
        Assert.NotEqual(0, process.ExitCode);

        var resumed = await _sandbox.RunAsync(runId);

        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        await SourceComparison.AssertSameRowsAsync(_sandbox.Run, "orders", _sandbox.Rows("orders"), Integer("id"), ColumnCheck.Decimal("total"), Text("note"));
        await SourceComparison.AssertSameRowsAsync(_sandbox.Run, "customers", _sandbox.Rows("customers"), Integer("id"), Text("name"));
        Assert.Empty(_sandbox.StagingTables());
        var leftovers = LeftoverFiles();
        Assert.True(leftovers.Count == 0, "temporary files left: " + string.Join(", ", leftovers.Select(path => Path.GetRelativePath(_sandbox.Run.Staging, path))));
    }

    /// <summary>The request at which the run dies: the fake has acted on it, the client never sees the answer.</summary>
    private static bool IsBoundary(string boundary, string request, string body) => boundary switch
    {
        // The resumable upload session is open (the part left staging) but no load job exists yet.
        "after upload" => request.StartsWith("POST /upload/", StringComparison.Ordinal),
        // The part's single upload chunk: the fake has created the load job.
        "after a load job was inserted" => request.StartsWith("PUT /upload/", StringComparison.Ordinal),
        // The landing job (append copy or MERGE) has run in BigQuery.
        "during landing" => request.StartsWith("POST /bigquery/v2/projects/", StringComparison.Ordinal) && request.EndsWith("/jobs", StringComparison.Ordinal)
            && (body.Contains("\"copy\"", StringComparison.Ordinal) || body.Contains("MERGE INTO", StringComparison.Ordinal)),
        _ => false,
    };

    private Process StartRun(string runId)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "batchsync.dll"), "run", _sandbox.Run.WorkflowPath, "--local", "--run-id", runId })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        // Drain the pipes so a chatty run never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Kills the run as soon as a lane starts writing a part file: the item is being extracted.</summary>
    private FileSystemWatcher WatchForPartFiles(string runId, Action<string> kill)
    {
        // The item folders exist before the run starts, so the watch covers them from the first byte on.
        foreach (var item in new[] { "orders/items/00000", "orders/items/00001", "orders/items/00002", "orders/items/00003", "customers/items/00000" })
        {
            Directory.CreateDirectory(Path.Combine(_sandbox.Run.RunFolder(runId), "tables", item));
        }

        var watcher = new FileSystemWatcher(_sandbox.Run.Staging) { IncludeSubdirectories = true, EnableRaisingEvents = false };
        watcher.Created += (_, file) =>
        {
            if (file.Name?.Contains("part-", StringComparison.Ordinal) == true)
            {
                kill(file.FullPath);
            }
        };
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    /// <summary>Files of the staging folder no run document or committed part accounts for (temporary writes).</summary>
    private List<string> LeftoverFiles() =>
        [.. Directory.EnumerateFiles(_sandbox.Run.Staging, "*", SearchOption.AllDirectories)
            .Where(path => Path.GetFileName(path).EndsWith(".tmp", true, CultureInfo.InvariantCulture))];
}
