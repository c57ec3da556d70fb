using System.Diagnostics;

namespace BatchSync.Cli.Tests.Report;

/// <summary>Screenshots a local page with Debian's <c>chromium</c> in headless mode (scripts/setup installs it).</summary>
internal static class HeadlessChromium
{
    public static async Task<byte[]> ScreenshotAsync(string htmlFile, int width, int height)
    {
        var folder = Directory.CreateTempSubdirectory("batchsync-chromium-");
        try
        {
            var screenshot = Path.Combine(folder.FullName, "shot.png");
            var start = new ProcessStartInfo("chromium")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                ArgumentList =
                {
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-default-apps",
                    "--disable-extensions", "--disable-sync", "--no-first-run", "--no-default-browser-check",
                    "--disable-crash-reporter", "--hide-scrollbars", "--mute-audio",
                    $"--user-data-dir={Path.Combine(folder.FullName, "profile")}",
                    $"--window-size={width},{height}",
                    $"--screenshot={screenshot}",
                    new Uri(htmlFile).AbsoluteUri,
                },
            };
            using var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
            var errors = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("chromium did not finish the screenshot within 2 minutes: " + await errors);
            }

            Assert.True(File.Exists(screenshot), $"chromium exited {process.ExitCode} without a screenshot: {await errors}");
            return await File.ReadAllBytesAsync(screenshot);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
