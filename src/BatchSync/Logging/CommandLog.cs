using BatchSync.Core.Workflows.References;
using Serilog;
using Serilog.Formatting.Compact;
using Serilog.Formatting.Display;

namespace BatchSync.Logging;

/// <summary>
/// The one logging path of a command. Not on a terminal (a container, CI, a pipe): compact JSON (CLEF), one event per
/// line on stdout, which CloudWatch Logs indexes field by field. On a terminal: readable lines on stderr, next to the
/// live progress. A <see cref="SecretValue"/> is logged as <c>***</c> however it is captured.
/// </summary>
internal static class CommandLog
{
    public const string ReadableTemplate = "{Timestamp:HH:mm:ss} {Level:u3} {Message:lj}{NewLine}{Exception}";

    public static ILogger Create(TextWriter output, TextWriter error, bool outputIsTerminal)
    {
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Information()
            .Destructure.ByTransforming<SecretValue>(_ => SecretValue.Redacted)
            .Enrich.FromLogContext();
        return (outputIsTerminal
                ? configuration.WriteTo.Sink(new TextWriterSink(error, new MessageTemplateTextFormatter(ReadableTemplate, System.Globalization.CultureInfo.InvariantCulture)))
                : configuration.WriteTo.Sink(new TextWriterSink(output, new CompactJsonFormatter())))
            .CreateLogger();
    }
}
