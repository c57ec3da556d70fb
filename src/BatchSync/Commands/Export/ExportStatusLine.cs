using System.Globalization;
using BatchSync.MySql.Extract;

namespace BatchSync.Commands.Export;

/// <summary>Rewrites one status line on an interactive terminal at most once a second; silent when output is redirected.</summary>
internal sealed class ExportStatusLine(TextWriter writer) : IProgress<ExportProgress>
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private TimeSpan _lastReport = -Interval;
    private bool _wroteLine;

    public void Report(ExportProgress value)
    {
        if (value.Elapsed - _lastReport < Interval)
        {
            return;
        }

        _lastReport = value.Elapsed;
        _wroteLine = true;
        var megabytes = value.Bytes / (1024.0 * 1024);
        writer.Write(string.Create(CultureInfo.InvariantCulture,
            $"\r{value.Rows:N0} rows, {megabytes:F1} MB CSV, {value.Elapsed.TotalSeconds:F0} s, {megabytes / Math.Max(value.Elapsed.TotalSeconds, 0.001):F1} MB/s   "));
    }

    /// <summary>Ends the status line so the summary starts on a fresh one.</summary>
    public void Finish()
    {
        if (_wroteLine)
        {
            writer.WriteLine();
        }
    }
}
