using System.Diagnostics;
using System.Text;

namespace BatchSync.Testing;

/// <summary>
/// A throwaway MariaDB server in a temporary folder, on a free loopback port, for integration tests.
/// It is a real server: tests talk to it over TCP exactly as production talks to RDS.
/// </summary>
public sealed class MariaDbServer : IAsyncDisposable
{
    public const string RootPassword = "root-test-pw";

    private readonly Process _process;

    private MariaDbServer(string directory, int port, Process process)
    {
        Directory = directory;
        Port = port;
        _process = process;
    }

    public string Directory { get; }

    public int Port { get; }

    public string Host => "127.0.0.1";

    public string SocketPath => Path.Combine(Directory, "sock");

    /// <summary>Starts a new server. <paramref name="extraArguments"/> go to mariadbd (TLS files, time zone …).</summary>
    public static async Task<MariaDbServer> StartAsync(IEnumerable<string>? extraArguments = null, CancellationToken cancellationToken = default)
    {
        var directory = Path.Combine(Path.GetTempPath(), "batchsync-mariadb-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(directory);
        var dataDirectory = Path.Combine(directory, "data");

        await InstallDataDirectoryAsync(dataDirectory, cancellationToken);

        var port = ServerProcess.FreeLoopbackPort();

        // A private temporary folder: servers of parallel test processes must not share (or clean up) each other's temp tables.
        var temporaryDirectory = Path.Combine(directory, "tmp");
        System.IO.Directory.CreateDirectory(temporaryDirectory);
        var arguments = new List<string>
        {
            "--no-defaults", "--user=root", $"--datadir={dataDirectory}", $"--socket={Path.Combine(directory, "sock")}",
            $"--pid-file={Path.Combine(directory, "pid")}", $"--port={port}", "--bind-address=127.0.0.1",
            "--skip-name-resolve", $"--log-error={Path.Combine(directory, "err.log")}", $"--tmpdir={temporaryDirectory}", "--character-set-server=utf8mb4",
            "--collation-server=utf8mb4_unicode_ci", "--innodb-buffer-pool-size=256M", "--skip-log-bin",
        };
        arguments.AddRange(extraArguments ?? []);
        var start = new ProcessStartInfo("mariadbd") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("mariadbd did not start.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new MariaDbServer(directory, port, process);
        try
        {
            await server.WaitUntilReadyAsync(cancellationToken);
            await server.ExecuteAsync(
                $"ALTER USER 'root'@'localhost' IDENTIFIED BY '{RootPassword}';" +
                "CREATE USER IF NOT EXISTS 'root'@'127.0.0.1';" +
                $"ALTER USER 'root'@'127.0.0.1' IDENTIFIED BY '{RootPassword}';" +
                "GRANT ALL ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;", database: null, cancellationToken, useRootPasswordless: true);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    private static async Task InstallDataDirectoryAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        string[] arguments =
        [
            "--no-defaults", "--user=root", $"--datadir={dataDirectory}",
            "--auth-root-authentication-method=normal", "--skip-test-db",
        ];
        try
        {
            await RunToEndAsync("mariadb-install-db", arguments, cancellationToken);
        }
        catch (InvalidOperationException)
        {
            // Seen under heavy load: the bootstrap server fails to drop a temporary table. A clean second try succeeds.
            if (System.IO.Directory.Exists(dataDirectory))
            {
                System.IO.Directory.Delete(dataDirectory, recursive: true);
            }

            await RunToEndAsync("mariadb-install-db", arguments, cancellationToken);
        }
    }

    /// <summary>Runs SQL through the official <c>mariadb</c> command-line client (independent of our protocol code).</summary>
    public Task<string> ExecuteAsync(string sql, string? database = null, CancellationToken cancellationToken = default)
        => ExecuteAsync(sql, database, cancellationToken, useRootPasswordless: false);

    /// <summary>Runs a query and returns its rows as tab-separated lines (the client's --batch escaping: \\n, \\t, \\\\, NULL).</summary>
    public async Task<IReadOnlyList<string[]>> QueryAsync(string sql, string? database = null, CancellationToken cancellationToken = default)
    {
        var output = await ExecuteAsync(sql, database, cancellationToken);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('\t')).ToList();
    }

    private async Task<string> ExecuteAsync(string sql, string? database, CancellationToken cancellationToken, bool useRootPasswordless)
    {
        var arguments = new List<string> { "--no-defaults", $"--socket={SocketPath}", "-uroot", "--batch", "--skip-column-names", "--default-character-set=utf8mb4" };
        if (!useRootPasswordless)
        {
            arguments.Add($"--password={RootPassword}");
        }

        if (database is not null)
        {
            arguments.Add(database);
        }

        return await RunToEndAsync("mariadb", arguments, cancellationToken, standardInput: sql);
    }

    private Task WaitUntilReadyAsync(CancellationToken cancellationToken)
        => ServerProcess.WaitUntilListeningAsync(
            _process, Port, TimeSpan.FromSeconds(60), () => $"mariadbd exited with {_process.ExitCode}: {ReadErrorLog()}", cancellationToken,
            readyToProbe: () => File.Exists(SocketPath));

    private string ReadErrorLog()
    {
        var log = Path.Combine(Directory, "err.log");
        return File.Exists(log) ? File.ReadAllText(log) : "(no error log)";
    }

    internal static async Task<string> RunToEndAsync(string fileName, IEnumerable<string> arguments, CancellationToken cancellationToken, string? standardInput = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = standardInput is not null,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput.AsMemory(), cancellationToken);
            process.StandardInput.Close();
        }

        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} exited with {process.ExitCode}: {await error}");
        }

        return await output;
    }

    public async ValueTask DisposeAsync() => await ServerProcess.StopAsync(_process, Directory);
}
