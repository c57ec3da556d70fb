using System.Globalization;
using BatchSync.Logging;

namespace BatchSync.Commands.Run;

/// <summary>
/// One table's live numbers on the terminal: rows and MB so far, rate, and an ETA from the planner's estimate. When
/// no item still reading has read a row for <see cref="StallWatch.After"/>, the line says so (a frozen or very busy
/// server); an item loading what it read is not waiting for the source.
/// </summary>
internal sealed class TableProgressLine(string table, long estimatedRows, int items)
{
    private readonly Dictionary<string, (long Rows, long Bytes, DateTimeOffset Changed, bool Reading)> _running = [];
    private long _finishedRows;
    private long _finishedBytes;
    private int _done;
    private int _failed;
    private DateTimeOffset? _started;

    public string Outcome { get; set; } = "";

    public void Start(string item, DateTimeOffset now)
    {
        _started ??= now;
        _running[item] = (0, 0, now, Reading: true);
    }

    public void Progress(string item, long rows, long bytes, DateTimeOffset now)
        => _running[item] = _running.TryGetValue(item, out var last) && last.Rows == rows ? (rows, bytes, last.Changed, last.Reading) : (rows, bytes, now, Reading: true);

    /// <summary>The item has read all its rows (it may still be loading them).</summary>
    public void Extracted(string item)
    {
        if (_running.TryGetValue(item, out var last))
        {
            _running[item] = (last.Rows, last.Bytes, last.Changed, Reading: false);
        }
    }

    public void Finish(string item, bool done, long rows, long bytes)
    {
        _running.Remove(item);
        if (done)
        {
            _done++;
            _finishedRows += rows;
            _finishedBytes += bytes;
        }
        else
        {
            _failed++;
        }
    }

    public string Render(DateTimeOffset now)
    {
        var rows = _finishedRows + _running.Values.Sum(r => r.Rows);
        var megabytes = (_finishedBytes + _running.Values.Sum(r => r.Bytes)) / 1048576.0;
        var seconds = _started is { } started ? Math.Max((now - started).TotalSeconds, 0.001) : 0;
        var rate = seconds > 0 ? rows / seconds : 0;
        var state = Outcome.Length > 0 ? Outcome
            : _done + _failed == items ? "finishing"
            : Quiet(now) is { } quiet ? $"no rows for {quiet.TotalSeconds:N0} s (waiting for the server)"
            : _running.Count > 0 ? $"{Eta(rows, rate)}"
            : "waiting";
        var failed = _failed > 0 ? $", {_failed} failed" : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"{table,-28} {rows,12:N0} rows {megabytes,9:N1} MB {rate,10:N0} rows/s  items {_done}/{items}{failed}  {state}");
    }

    /// <summary>How long since any item still reading last read a row, when that is at least <see cref="StallWatch.After"/>.</summary>
    private TimeSpan? Quiet(DateTimeOffset now)
    {
        var reading = _running.Values.Where(r => r.Reading).ToList();
        if (reading.Count == 0)
        {
            return null;
        }

        var quiet = now - reading.Max(r => r.Changed);
        return quiet >= StallWatch.After ? quiet : null;
    }

    private string Eta(long rows, double rate)
    {
        if (rate <= 0 || estimatedRows <= rows)
        {
            return "running";
        }

        var remaining = TimeSpan.FromSeconds((estimatedRows - rows) / rate);
        return $"ETA {(remaining.TotalHours >= 1 ? remaining.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : remaining.ToString(@"m\:ss", CultureInfo.InvariantCulture))}";
    }
}
