using System.Diagnostics;

namespace BatchSync.Cli.Tests.Validate;

/// <summary>The built executable, as CI runs it: the repository's own workflows must validate.</summary>
public class ValidateProcessTests
{
    internal static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "BatchSync.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("BatchSync.sln not found above the test folder");
    }

    private static async Task<(int ExitCode, string Output)> RunBatchSyncAsync(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "batchsync.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    [Fact]
    public async Task Validate_all_in_the_repository_exits_0()
    {
        var (exitCode, output) = await RunBatchSyncAsync(RepositoryRoot(), "validate", "--all");

        Assert.True(exitCode == 0, output);
        Assert.Contains("workflows/demo.yml: ok (workflow 'demo', 5 tables)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_full_example_validates_and_a_broken_file_exits_2()
    {
        var broken = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.yml");
        await File.WriteAllTextAsync(broken, "source:\n  connection: secret:x\ntables:\n  - table: [\n");
        try
        {
            // The example verifies RDS against the RDS CA bundle, which users download next to it (docs/connecting-to-rds.md).
            var (missingExit, missingOutput) = await RunBatchSyncAsync(RepositoryRoot(), "validate", "workflows/examples/full.yml");
            Assert.Equal(2, missingExit);
            Assert.Contains("source.ca_bundle 'certs/rds-global-bundle.pem' does not exist", missingOutput, StringComparison.Ordinal);

            var copy = Path.Combine(Path.GetTempPath(), $"workflows-{Guid.NewGuid():N}");
            try
            {
                foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "workflows"), "*", SearchOption.AllDirectories))
                {
                    var target = Path.Combine(copy, "workflows", Path.GetRelativePath(Path.Combine(RepositoryRoot(), "workflows"), file));
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    File.Copy(file, target);
                }

                Directory.CreateDirectory(Path.Combine(copy, "workflows", "examples", "certs"));
                await File.WriteAllTextAsync(Path.Combine(copy, "workflows", "examples", "certs", "rds-global-bundle.pem"), "stands in for the downloaded bundle\n");
                var (okExit, okOutput) = await RunBatchSyncAsync(copy, "validate", "workflows/examples/full.yml");
                Assert.True(okExit == 0, okOutput);
            }
            finally
            {
                Directory.Delete(copy, recursive: true);
            }

            var (exitCode, output) = await RunBatchSyncAsync(RepositoryRoot(), "validate", broken);
            Assert.Equal(2, exitCode);
            // Where the '[' opened, not the end of the file where the scanner gave up.
            Assert.Contains($"{broken}:4:12: error: YAML syntax error", output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(broken);
        }
    }
}
