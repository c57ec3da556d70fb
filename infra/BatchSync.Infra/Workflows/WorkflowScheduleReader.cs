using System.Text.RegularExpressions;
using BatchSync.Infra.Configuration;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace BatchSync.Infra.Workflows;

/// <summary>
/// Reads the top-level <c>name</c> and <c>schedule</c> of every workflow file in a folder. Only those two keys matter
/// here: the full workflow is validated by <c>batchsync validate --all</c> in CI, inside the image that runs it.
/// </summary>
public static partial class WorkflowScheduleReader
{
    /// <summary>The scheduled workflows of <paramref name="folder"/>, ordered by name; unscheduled ones are skipped.</summary>
    /// <exception cref="InvalidSettingsException">The folder is missing, or a file or schedule cannot be used; lists every problem.</exception>
    public static IReadOnlyList<ScheduledWorkflow> Read(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder))
        {
            throw new InvalidSettingsException([$"workflowsFolder '{folder}' does not exist; point -c workflowsFolder=PATH at the folder holding the workflow files"]);
        }

        var problems = new List<string>();
        var workflows = Directory.EnumerateFiles(folder)
            .Where(path => Path.GetExtension(path) is ".yml" or ".yaml")
            .Order(StringComparer.Ordinal)
            .Select(path => ReadFile(path, problems))
            .OfType<ScheduledWorkflow>()
            .ToList();
        problems.AddRange(workflows
            .GroupBy(w => w.Name, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .Select(g => $"workflow name '{g.Key}' is used by {g.Count()} scheduled files; names must be unique (they name the schedule rules)"));

        if (problems.Count > 0)
        {
            throw new InvalidSettingsException(problems);
        }

        return workflows.OrderBy(w => w.Name, StringComparer.Ordinal).ToList();
    }

    private static ScheduledWorkflow? ReadFile(string path, List<string> problems)
    {
        var fileName = Path.GetFileName(path);
        YamlMappingNode? root;
        try
        {
            using var reader = File.OpenText(path);
            var stream = new YamlStream();
            stream.Load(reader);
            root = stream.Documents.FirstOrDefault()?.RootNode as YamlMappingNode;
        }
        catch (YamlException e)
        {
            problems.Add($"{fileName} ({e.Start.Line}:{e.Start.Column}): not valid YAML: {e.Message}");
            return null;
        }

        if (root is null)
        {
            problems.Add($"{fileName}: a workflow file must be a YAML mapping (name:, source:, tables:, ...)");
            return null;
        }

        var argument = Path.GetFileNameWithoutExtension(path);
        var name = Scalar(root, "name") ?? argument;
        if (Scalar(root, "schedule") is not { } schedule)
        {
            return null;
        }

        if (CheckSchedule(schedule) is { } problem)
        {
            problems.Add($"{fileName}: schedule '{schedule}' {problem}");
            return null;
        }

        if (!WorkflowNamePattern().IsMatch(argument))
        {
            problems.Add($"{fileName}: a scheduled workflow's file name must be 1-64 letters, digits, '_', '-' or '.' (it is passed to 'batchsync run')");
            return null;
        }

        if (!WorkflowNamePattern().IsMatch(name))
        {
            problems.Add($"{fileName}: name '{name}' must be 1-64 letters, digits, '_', '-' or '.' to name its schedule rule");
            return null;
        }

        return new ScheduledWorkflow(name, argument, schedule);
    }

    private static string? Scalar(YamlMappingNode root, string key) =>
        root.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode { Value: { Length: > 0 } value }
            ? value.Trim()
            : null;

    /// <summary>
    /// The shape EventBridge rules accept; the fields themselves are checked by <c>batchsync validate</c>, which CI runs
    /// before an image (and so a schedule) reaches production.
    /// </summary>
    private static string? CheckSchedule(string schedule)
    {
        if (RatePattern().IsMatch(schedule))
        {
            return null;
        }

        var cron = CronPattern().Match(schedule);
        if (!cron.Success)
        {
            return "is not an EventBridge schedule expression; use cron(MIN HOUR DAY-OF-MONTH MONTH DAY-OF-WEEK YEAR) or rate(N minutes|hours|days), in UTC";
        }

        var fields = cron.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length == 6
            ? null
            : $"has {fields.Length} cron fields; EventBridge cron expressions have 6 (minutes hours day-of-month month day-of-week year), e.g. cron(0 18 * * ? *)";
    }

    [GeneratedRegex(@"^rate\((1 (minute|hour|day)|([2-9]|[1-9][0-9]+) (minutes|hours|days))\)$")]
    private static partial Regex RatePattern();

    [GeneratedRegex(@"^cron\(([^()]+)\)$")]
    private static partial Regex CronPattern();

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,64}$")]
    private static partial Regex WorkflowNamePattern();
}
