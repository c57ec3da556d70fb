using System.CommandLine;
using BatchSync.Commands.Validate;
using BatchSync.Composition.MySqlSource;
using BatchSync.Core.Workflows.Checking;
using BatchSync.Core.Workflows.Diagnostics;

namespace BatchSync.Commands;

/// <summary><c>batchsync validate</c>: checks workflow files like a compiler, for editors and CI.</summary>
internal static class ValidateCommand
{
    private const string Description = """
        Check workflow files and report every problem at once, with file:line:column.

        Examples:
          batchsync validate workflows/shop.yml            one file
          batchsync validate workflows/*.yml               several files
          batchsync validate --all                         every workflows/*.yml (and .yaml) here
          batchsync validate --all --dir deploy            every deploy/workflows/*.yml
          batchsync validate --all --format json           machine-readable, for CI annotations
          batchsync validate workflows/shop.yml --connect  also check tables, columns, keys, select and where
                                                           on the source (secrets from Secrets Manager)
          batchsync validate shop.yml --connect --secrets secrets.json   secrets from a local file

        Output looks like:
          workflows/shop.yml:12:5: error: unknown key 'taable' in tables[0]; did you mean 'table'?
          1 workflow file checked: 0 valid, 1 invalid (1 error, 0 warnings)

        Exit code: 0 when every file is valid (warnings allowed), 2 otherwise.
        The file format: docs/workflow-reference.md.
        """;

    public static Command Create() => Create(secretsFile => new MySqlSourceChecker(secretsFile));

    /// <param name="sourceCheckers">What --connect uses, given --secrets; null when this build cannot reach sources.</param>
    public static Command Create(Func<string?, IWorkflowSourceChecker>? sourceCheckers)
    {
        var files = new Argument<string[]>("FILE") { Description = "Workflow files to check.", Arity = ArgumentArity.ZeroOrMore };
        var all = new Option<bool>("--all") { Description = "Check every workflows/*.yml and *.yaml under --dir." };
        var dir = new Option<string>("--dir") { Description = "The folder --all looks in (default: the current directory).", DefaultValueFactory = _ => "." };
        var connect = new Option<bool>("--connect") { Description = "Also connect to each source (30 s at most) and check that tables, columns, keys, incremental columns, select and where work there." };
        var secrets = new Option<string?>("--secrets") { Description = "With --connect: a JSON file {\"<secret id>\": value} answering secret: references (default: AWS Secrets Manager)." };
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");

        var command = new Command("validate", Description) { files, all, dir, connect, secrets, format };
        RejectMisspeltOptions(files, command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var options = new ValidateOptions(
                parseResult.GetValue(files) ?? [],
                parseResult.GetValue(all),
                parseResult.GetValue(dir) ?? ".",
                parseResult.GetValue(connect),
                parseResult.GetValue(format) == "json" ? ValidateOutputFormat.Json : ValidateOutputFormat.Text);
            var configuration = parseResult.InvocationConfiguration;
            return await new ValidateRunner(sourceCheckers?.Invoke(parseResult.GetValue(secrets))).RunAsync(options, configuration.Output, configuration.Error, cancellationToken);
        });
        return command;
    }

    // A mistyped option (--formt) would otherwise be taken for a file name and reported as a missing file.
    private static void RejectMisspeltOptions(Argument<string[]> files, Command command)
    {
        files.Validators.Add(result =>
        {
            var optionNames = command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).ToList();
            foreach (var token in result.Tokens.Where(t => t.Value.StartsWith('-')))
            {
                var suggestion = Suggestions.DidYouMean(token.Value, optionNames);
                result.AddError($"unknown option '{token.Value}'" + (suggestion is null ? string.Empty : $"; {suggestion}"));
            }
        });
    }
}
