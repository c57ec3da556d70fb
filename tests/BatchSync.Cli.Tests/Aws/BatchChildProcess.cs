using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace BatchSync.Cli.Tests.Aws;

/// <summary>
/// One Batch child as a real <c>batchsync</c> process (the built batchsync.dll next to the tests), started again after
/// a non-zero exit while attempts remain, as Batch's retry strategy does. Its output is kept for failure messages.
/// </summary>
internal sealed class BatchChildProcess
{
    private readonly StringBuilder _output = new();
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _terminated = new();
    private int? _exitCode;

    private BatchChildProcess(string jobId, int? index)
    {
        JobId = jobId;
        Index = index;
    }

    public string JobId { get; }

    public int? Index { get; }

    public int Attempts { get; private set; }

    public Task Completion { get; private set; } = Task.CompletedTask;

    public string Status => !Completion.IsCompleted ? "RUNNING" : _exitCode == 0 ? "SUCCEEDED" : "FAILED";

    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _output.ToString();
            }
        }
    }

    public static BatchChildProcess Start(string jobId, int? index, string[] command, IReadOnlyDictionary<string, string?> environment, int attempts)
    {
        var child = new BatchChildProcess(jobId, index);
        child.Completion = Task.Run(() => child.RunAsync(command, environment, attempts));
        return child;
    }

    public void Terminate() => _terminated.Cancel();

    public JsonObject Summary(string jobName)
    {
        // Batch leaves out what it does not know yet: no nulls in its answers.
        var summary = new JsonObject
        {
            ["jobId"] = JobId,
            ["jobName"] = jobName,
            ["status"] = Status,
            ["arrayProperties"] = new JsonObject { ["index"] = Index },
            ["container"] = _exitCode is { } exitCode ? new JsonObject { ["exitCode"] = exitCode } : new JsonObject(),
        };
        if (Status == "FAILED")
        {
            summary["statusReason"] = "Essential container in task exited";
        }

        return summary;
    }

    private async Task RunAsync(string[] command, IReadOnlyDictionary<string, string?> environment, int attempts)
    {
        while (Attempts < attempts && !_terminated.IsCancellationRequested)
        {
            Attempts++;
            _exitCode = await RunOnceAsync(command, environment);
            if (_exitCode == 0)
            {
                return;
            }
        }
    }

    private async Task<int> RunOnceAsync(string[] command, IReadOnlyDictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.UTF8, StandardErrorEncoding = Encoding.UTF8 };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "batchsync.dll"));
        foreach (var argument in command)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("MYSQL_PWD");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.Environment["AWS_BATCH_JOB_ID"] = JobId;
        if (Index is { } index)
        {
            start.Environment["AWS_BATCH_JOB_ARRAY_INDEX"] = index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(_terminated.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return 143;
        }

        return process.ExitCode;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _output.Append('[').Append(JobId).Append("] ").AppendLine(line);
        }
    }
}
