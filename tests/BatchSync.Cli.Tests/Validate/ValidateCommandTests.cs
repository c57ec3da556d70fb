using System.CommandLine;
using System.Text.Json;
using BatchSync.Commands;
using BatchSync.Core.Workflows.Checking;
using BatchSync.Core.Workflows.Diagnostics;
using BatchSync.Core.Workflows.Model;

namespace BatchSync.Cli.Tests.Validate;

/// <summary><c>batchsync validate</c> through the real command line parser: arguments, output and exit codes.</summary>
public sealed class ValidateCommandTests : IDisposable
{
    private const string ValidWorkflow = """
        source:
          connection: secret:prod/shop/mysql
        tables:
          - table: users
          - table: orders
        """;

    private const string InvalidWorkflow = """
        source:
          connection: secret:prod/shop/mysql
        tables:
          - taable: users
          - table: orders
            mode: replce
        """;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "batchsync-validate-" + Guid.NewGuid().ToString("N"));

    public ValidateCommandTests() => Directory.CreateDirectory(Path.Combine(_root, "workflows"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Write(string relative, string content)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(IWorkflowSourceChecker? checker, params string[] args)
    {
        var root = new RootCommand { ValidateCommand.Create(checker is null ? null : _ => checker) };
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await root.Parse(["validate", .. args]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }

    private static Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => RunAsync(null, args);

    [Fact]
    public async Task A_valid_file_exits_0_and_says_ok()
    {
        var path = Write("workflows/shop.yml", ValidWorkflow);

        var (exitCode, output, _) = await RunAsync(path);

        Assert.Equal(0, exitCode);
        Assert.Equal(
            $"{path}: ok (workflow 'shop', 2 tables)\n1 workflow file checked: 1 valid, 0 invalid (0 errors, 0 warnings)\n",
            output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task An_invalid_file_exits_2_with_compiler_style_lines()
    {
        var path = Write("workflows/shop.yml", InvalidWorkflow);

        var (exitCode, output, _) = await RunAsync(path);

        Assert.Equal(2, exitCode);
        var lines = output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal(
            [
                $"{path}:4:5: error: unknown key 'taable' in tables[0]; did you mean 'table'?",
                $"{path}:6:11: error: tables[1].mode cannot be 'replce'; allowed: replace, append, merge, delete_in_advance; did you mean 'replace'?",
                "1 workflow file checked: 0 valid, 1 invalid (2 errors, 0 warnings)",
            ],
            lines);
    }

    [Fact]
    public async Task All_checks_every_workflow_under_dir_and_fails_if_any_is_invalid()
    {
        Write("workflows/a.yml", ValidWorkflow);
        Write("workflows/b.yaml", InvalidWorkflow);
        Write("workflows/tables/list.yml", "- table: not_a_workflow\n");
        Write("elsewhere.yml", InvalidWorkflow);

        var (exitCode, output, _) = await RunAsync("--all", "--dir", _root);

        Assert.Equal(2, exitCode);
        Assert.Contains($"{Path.Combine(_root, "workflows", "a.yml")}: ok", output, StringComparison.Ordinal);
        Assert.Contains($"{Path.Combine(_root, "workflows", "b.yaml")}:4:5: error:", output, StringComparison.Ordinal);
        Assert.DoesNotContain("list.yml", output, StringComparison.Ordinal);
        Assert.DoesNotContain("elsewhere", output, StringComparison.Ordinal);
        Assert.EndsWith("2 workflow files checked: 1 valid, 1 invalid (2 errors, 0 warnings)\n", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task All_with_only_valid_files_exits_0()
    {
        Write("workflows/a.yml", ValidWorkflow);
        Write("workflows/b.yml", ValidWorkflow);

        var (exitCode, _, _) = await RunAsync("--all", "--dir", _root);

        Assert.Equal(0, exitCode);
    }

    [Fact]
    public async Task All_without_workflows_is_an_error_not_a_silent_success()
    {
        var (exitCode, _, error) = await RunAsync("--all", "--dir", Path.Combine(_root, "empty"));

        Assert.Equal(2, exitCode);
        Assert.Contains("no workflow files found", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_files_and_no_all_explains_usage()
    {
        var (exitCode, _, error) = await RunAsync();

        Assert.Equal(2, exitCode);
        Assert.Contains("pass --all", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_format_reports_files_diagnostics_and_summary()
    {
        var good = Write("workflows/a.yml", ValidWorkflow);
        var bad = Write("workflows/b.yml", InvalidWorkflow);

        var (exitCode, output, _) = await RunAsync(good, bad, "--format", "json");

        Assert.Equal(2, exitCode);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.False(root.GetProperty("valid").GetBoolean());
        var files = root.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal((good, true, "a", 2), (files[0].GetProperty("path").GetString(), files[0].GetProperty("valid").GetBoolean(), files[0].GetProperty("workflow").GetString(), files[0].GetProperty("tables").GetInt32()));
        Assert.Equal((bad, false, 2), (files[1].GetProperty("path").GetString(), files[1].GetProperty("valid").GetBoolean(), files[1].GetProperty("errors").GetInt32()));
        var first = root.GetProperty("diagnostics")[0];
        Assert.Equal(
            (bad, 4, 5, "error", "unknown-key", "unknown key 'taable' in tables[0]", "did you mean 'table'?"),
            (first.GetProperty("file").GetString(), first.GetProperty("line").GetInt32(), first.GetProperty("column").GetInt32(),
             first.GetProperty("severity").GetString(), first.GetProperty("code").GetString(), first.GetProperty("message").GetString(), first.GetProperty("hint").GetString()));
        var summary = root.GetProperty("summary");
        Assert.Equal((2, 1, 1, 2, 0), (summary.GetProperty("files").GetInt32(), summary.GetProperty("valid").GetInt32(), summary.GetProperty("invalid").GetInt32(), summary.GetProperty("errors").GetInt32(), summary.GetProperty("warnings").GetInt32()));
    }

    [Fact]
    public async Task An_unknown_format_is_rejected_by_the_parser()
    {
        var path = Write("workflows/a.yml", ValidWorkflow);

        var (exitCode, _, error) = await RunAsync(path, "--format", "xml");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("xml", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_misspelt_option_is_not_taken_for_a_file()
    {
        var path = Write("workflows/a.yml", ValidWorkflow);

        var (exitCode, output, error) = await RunAsync(path, "--formt", "json");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("unknown option '--formt'; did you mean '--format'?", error, StringComparison.Ordinal);
        Assert.DoesNotContain("does not exist", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Warnings_alone_keep_exit_code_0()
    {
        var path = Write("workflows/a.yml", ValidWorkflow.Replace("- table: orders", "- table: orders\n    where: \"1=1\"", StringComparison.Ordinal));

        var (exitCode, output, _) = await RunAsync(path);

        Assert.Equal(0, exitCode);
        Assert.Contains(": warning: tables[1].where '1=1' filters nothing; omit where", output, StringComparison.Ordinal);
        Assert.Contains("(0 errors, 1 warning)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_without_a_registered_checker_fails_clearly()
    {
        var path = Write("workflows/a.yml", ValidWorkflow);

        var (exitCode, output, error) = await RunAsync(path, "--connect");

        Assert.Equal(2, exitCode);
        Assert.Contains("no source checker registered", error, StringComparison.Ordinal);
        Assert.DoesNotContain("ok", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_adds_the_checker_findings_for_valid_workflows_only()
    {
        var good = Write("workflows/a.yml", ValidWorkflow);
        var bad = Write("workflows/b.yml", InvalidWorkflow);
        var checker = new MissingTableChecker("orders");

        var (exitCode, output, _) = await RunAsync(checker, good, bad, "--connect");

        Assert.Equal(2, exitCode);
        Assert.Equal(["a"], checker.Checked);
        Assert.Contains($"{good}:5:5: error: table 'orders' does not exist on the source", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_source_is_reported_against_the_file()
    {
        var path = Write("workflows/a.yml", ValidWorkflow);

        var (exitCode, output, _) = await RunAsync(new UnreachableChecker(), path, "--connect");

        Assert.Equal(2, exitCode);
        Assert.Contains($"{path}:1:1: error: could not check the source: connection refused (127.0.0.1:1)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_teaches_by_example()
    {
        var root = new RootCommand { ValidateCommand.Create() };
        var output = new StringWriter();
        await root.Parse(["validate", "--help"]).InvokeAsync(new InvocationConfiguration { Output = output });

        var help = output.ToString();
        Assert.Contains("batchsync validate --all", help, StringComparison.Ordinal);
        Assert.Contains("--format", help, StringComparison.Ordinal);
        Assert.Contains("Exit code: 0", help, StringComparison.Ordinal);
    }

    [Fact]
    public void The_catalog_registers_validate() =>
        Assert.Contains(CommandCatalog.All(), c => c.Name == "validate");

    private sealed class UnreachableChecker : IWorkflowSourceChecker
    {
        public ValueTask<IReadOnlyList<Diagnostic>> CheckAsync(WorkflowDefinition workflow, CancellationToken cancellationToken) =>
            throw new IOException("connection refused (127.0.0.1:1)");
    }

    private sealed class MissingTableChecker(string missing) : IWorkflowSourceChecker
    {
        public List<string> Checked { get; } = [];

        public ValueTask<IReadOnlyList<Diagnostic>> CheckAsync(WorkflowDefinition workflow, CancellationToken cancellationToken)
        {
            Checked.Add(workflow.Name);
            IReadOnlyList<Diagnostic> found = [.. workflow.Tables
                .Where(t => t.Table == missing)
                .Select(t => new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.SourceCheck, t.Location, $"table '{t.Table}' does not exist on the source"))];
            return ValueTask.FromResult(found);
        }
    }
}
