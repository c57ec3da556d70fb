using System.Text.Json;
using BatchSync.Core.Workflows.Diagnostics;

namespace BatchSync.Commands.Validate;

/// <summary><c>--format json</c>: the report as one JSON object, for editors and CI annotations.</summary>
internal static class JsonReportWriter
{
    public static async Task WriteAsync(ValidationReport report, TextWriter output)
    {
        using var buffer = new MemoryStream();
        await using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteBoolean("valid", report.IsValid);
            json.WriteStartArray("files");
            foreach (var file in report.Files)
            {
                WriteFile(json, file);
            }

            json.WriteEndArray();
            json.WriteStartArray("diagnostics");
            foreach (var diagnostic in report.Files.SelectMany(f => f.Diagnostics))
            {
                WriteDiagnostic(json, diagnostic);
            }

            json.WriteEndArray();
            json.WriteStartObject("summary");
            json.WriteNumber("files", report.Files.Count);
            json.WriteNumber("valid", report.ValidCount);
            json.WriteNumber("invalid", report.Files.Count - report.ValidCount);
            json.WriteNumber("errors", report.ErrorCount);
            json.WriteNumber("warnings", report.WarningCount);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        await output.WriteLineAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteFile(Utf8JsonWriter json, FileValidation file)
    {
        json.WriteStartObject();
        json.WriteString("path", file.Load.FilePath);
        json.WriteBoolean("valid", file.IsValid);
        if (file.Load.Workflow is { } workflow)
        {
            json.WriteString("workflow", workflow.Name);
            json.WriteNumber("tables", workflow.Tables.Count);
        }

        json.WriteNumber("errors", file.Diagnostics.Count(d => d.IsError));
        json.WriteNumber("warnings", file.Diagnostics.Count(d => !d.IsError));
        json.WriteEndObject();
    }

    private static void WriteDiagnostic(Utf8JsonWriter json, Diagnostic diagnostic)
    {
        json.WriteStartObject();
        json.WriteString("file", diagnostic.Location.File);
        json.WriteNumber("line", diagnostic.Location.Line);
        json.WriteNumber("column", diagnostic.Location.Column);
        json.WriteString("severity", diagnostic.IsError ? "error" : "warning");
        json.WriteString("code", diagnostic.Code);
        json.WriteString("message", diagnostic.Message);
        if (diagnostic.Hint is not null)
        {
            json.WriteString("hint", diagnostic.Hint);
        }

        json.WriteEndObject();
    }
}
