using System.Diagnostics;

namespace BatchSync.Testing;

/// <summary>
/// A real s3rver (an S3-compatible server in Node.js) on a free loopback port, storing objects in a temporary folder.
/// It checks SigV4 signatures with its fixed credentials <see cref="AccessKey"/>/<see cref="SecretKey"/>.
/// </summary>
public sealed class S3rverServer : IAsyncDisposable
{
    public const string AccessKey = "S3RVER";
    public const string SecretKey = "S3RVER";

    private readonly Process _process;

    private S3rverServer(string directory, int port, Process process)
    {
        Directory = directory;
        Port = port;
        _process = process;
    }

    public string Directory { get; }

    public int Port { get; }

    public Uri ServiceUrl => new($"http://127.0.0.1:{Port}");

    public static async Task<S3rverServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var executable = FindExecutable();
        var directory = Path.Combine(Path.GetTempPath(), "batchsync-s3rver-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(directory);
        var port = ServerProcess.FreeLoopbackPort();
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { executable, "-d", directory, "-a", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--silent", "--no-vhost-buckets" })
        {
            start.ArgumentList.Add(argument);
        }

        // Without the legacy provider, s3rver answers paged listings with 500 on Node 17+.
        start.Environment["NODE_OPTIONS"] = "--openssl-legacy-provider";
        var process = Process.Start(start) ?? throw new InvalidOperationException("s3rver did not start.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new S3rverServer(directory, port, process);
        try
        {
            await server.WaitUntilListeningAsync(cancellationToken);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    private Task WaitUntilListeningAsync(CancellationToken cancellationToken)
        => ServerProcess.WaitUntilListeningAsync(_process, Port, TimeSpan.FromSeconds(30), () => $"s3rver exited with {_process.ExitCode}.", cancellationToken);

    private static string FindExecutable()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "tests", "tools", "node_modules", "s3rver", "bin", "s3rver.js");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("s3rver is not installed: run scripts/setup (it runs npm ci in tests/tools).");
    }

    public async ValueTask DisposeAsync() => await ServerProcess.StopAsync(_process, Directory);
}
