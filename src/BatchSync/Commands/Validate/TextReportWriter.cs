namespace BatchSync.Commands.Validate;

/// <summary>Compiler-style output: one <c>file:line:col: severity: message; hint</c> line per diagnostic, then a summary.</summary>
internal static class TextReportWriter
{
    public static async Task WriteAsync(ValidationReport report, TextWriter output)
    {
        foreach (var file in report.Files)
        {
            foreach (var diagnostic in file.Diagnostics)
            {
                await output.WriteLineAsync(diagnostic.ToString());
            }

            if (file.IsValid)
            {
                var workflow = file.Load.Workflow!;
                await output.WriteLineAsync($"{file.Load.FilePath}: ok (workflow '{workflow.Name}', {workflow.Tables.Count} tables)");
            }
        }

        await output.WriteLineAsync(report.Summary());
    }
}
