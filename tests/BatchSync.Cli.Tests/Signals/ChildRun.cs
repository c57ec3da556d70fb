using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace BatchSync.Cli.Tests.Signals;

/// <summary>
/// The built <c>batchsync</c> running as a real child process, its stdout read line by line as it comes, so a test can
/// wait for an event and then send the process a real signal with kill(1).
/// </summary>
internal sealed class ChildRun : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private readonly List<JsonNode> _events = [];
    private readonly Lock _gate = new();

    private ChildRun(Process process)
    {
        _process = process;
    }

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

    public string Error
    {
        get
        {
            lock (_gate)
            {
                return _error.ToString();
            }
        }
    }

    public static ChildRun Start(params string[] arguments) => Start(new Dictionary<string, string?>(), arguments);

    public static ChildRun Start(IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "batchsync.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var child = new ChildRun(Process.Start(start)!);
        child._process.OutputDataReceived += (_, line) => child.Receive(line.Data, child._output, parse: true);
        child._process.ErrorDataReceived += (_, line) => child.Receive(line.Data, child._error, parse: false);
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits until the child has written a JSON event line named <paramref name="name"/> on stdout.</summary>
    public async Task<JsonNode> WaitForEventAsync(string name)
    {
        using var patience = new CancellationTokenSource(Patience);
        while (true)
        {
            lock (_gate)
            {
                if (_events.FirstOrDefault(e => e["event"]?.GetValue<string>() == name) is { } found)
                {
                    return found;
                }
            }

            if (_process.HasExited)
            {
                throw new InvalidOperationException($"batchsync exited ({_process.ExitCode}) before '{name}':\n{Output}\n{Error}");
            }

            await Task.Delay(50, patience.Token);
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds (checked every 50 ms) while the child runs.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        using var patience = new CancellationTokenSource(Patience);
        while (!condition())
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"batchsync exited ({_process.ExitCode}) before {what}:\n{Output}\n{Error}");
            }

            await Task.Delay(50, patience.Token);
        }
    }

    /// <summary>Sends a signal (INT, TERM) with kill(1), as a terminal or AWS Batch would.</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", ["-s", signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        await kill.WaitForExitAsync();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>The exit code; fails the test if the process does not end by itself within a few minutes.</summary>
    public async Task<int> WaitForExitAsync()
    {
        using var patience = new CancellationTokenSource(Patience);
        try
        {
            await _process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"batchsync did not exit by itself after the signal:\n{Output}\n{Error}");
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Receive(string? line, StringBuilder into, bool parse)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            into.AppendLine(line);
            if (parse && line.StartsWith('{'))
            {
                try
                {
                    _events.Add(JsonNode.Parse(line)!);
                }
                catch (System.Text.Json.JsonException)
                {
                    // Not an event line.
                }
            }
        }
    }
}
