using BatchSync.Core.Workflows.Checking;
using BatchSync.Core.Workflows.Diagnostics;
using BatchSync.Core.Workflows.Loading;
using BatchSync.Core.Workflows.Model;

namespace BatchSync.Commands.Validate;

/// <summary>Runs <c>batchsync validate</c>: exit 0 when every file is valid, 2 when any is not (or the request cannot be served).</summary>
internal sealed class ValidateRunner(IWorkflowSourceChecker? sourceChecker)
{
    public const int Valid = 0;
    public const int Invalid = 2;

    public async Task<int> RunAsync(ValidateOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (options.Connect && sourceChecker is null)
        {
            await error.WriteLineAsync("error: --connect checks tables and columns against the source, but this build of batchsync has no source checker registered; run validate without --connect");
            return Invalid;
        }

        var files = options.Files.Concat(options.All ? WorkflowFileFinder.FindAll(options.Directory) : []).Distinct().ToList();
        if (files.Count == 0)
        {
            await error.WriteLineAsync(options.All
                ? $"error: no workflow files found: --all looks for {Path.Combine(options.Directory, WorkflowFileFinder.WorkflowsFolder)}/*.yml and *.yaml"
                : "error: name the workflow files to validate, or pass --all (see batchsync validate --help)");
            return Invalid;
        }

        var results = new List<FileValidation>();
        foreach (var file in files)
        {
            results.Add(await ValidateFileAsync(file, options.Connect, cancellationToken));
        }

        var report = new ValidationReport(results);
        await (options.Format == ValidateOutputFormat.Json
            ? JsonReportWriter.WriteAsync(report, output)
            : TextReportWriter.WriteAsync(report, output));
        return report.IsValid ? Valid : Invalid;
    }

    private async Task<FileValidation> ValidateFileAsync(string file, bool connect, CancellationToken cancellationToken)
    {
        var load = await WorkflowLoader.LoadAsync(file, cancellationToken);
        if (!connect || load.Workflow is null)
        {
            return new FileValidation(load, load.Diagnostics);
        }

        return new FileValidation(load, [.. load.Diagnostics, .. await CheckSourceAsync(load.Workflow, cancellationToken)]);
    }

    private async Task<IReadOnlyList<Diagnostic>> CheckSourceAsync(WorkflowDefinition workflow, CancellationToken cancellationToken)
    {
        try
        {
            return await sourceChecker!.CheckAsync(workflow, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // An unreachable source is a finding about this file, not a crash of the whole validation.
            var location = new SourceLocation(workflow.FilePath, 1, 1);
            return [new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.SourceCheck, location, $"could not check the source: {exception.Message}", "check the source settings and that the database is reachable from here")];
        }
    }
}
