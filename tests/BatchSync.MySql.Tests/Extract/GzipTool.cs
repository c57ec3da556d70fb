using System.Diagnostics;

namespace BatchSync.MySql.Tests.Extract;

internal static class GzipTool
{
    public static async Task AssertValidAsync(string path)
    {
        var start = new ProcessStartInfo("gzip") { RedirectStandardError = true };
        start.ArgumentList.Add("-t");
        start.ArgumentList.Add(path);
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"gzip -t rejected {path}: {error}");
    }
}
