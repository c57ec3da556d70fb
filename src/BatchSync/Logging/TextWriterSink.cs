using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace BatchSync.Logging;

/// <summary>Writes each event to a text writer (the command's stdout or stderr), one whole line per call, from any lane.</summary>
internal sealed class TextWriterSink(TextWriter output, ITextFormatter formatter) : ILogEventSink
{
    private readonly Lock _gate = new();

    public void Emit(LogEvent logEvent)
    {
        var line = new StringWriter();
        formatter.Format(logEvent, line);
        lock (_gate)
        {
            output.WriteLine(line.ToString().TrimEnd('\r', '\n'));
            output.Flush();
        }
    }
}
