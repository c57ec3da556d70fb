using System.Globalization;
using BatchSync.Core.Workflows.Documents;

namespace BatchSync.Commands.Import;

/// <summary>
/// Walks a digdag workflow the way digdag would run it — <c>_export</c> variables (and <c>!include</c>d files),
/// <c>for_each&gt;</c> and <c>loop&gt;</c> over table lists, <c>_parallel</c>, <c>_retry</c> — and imports every
/// <c>embulk&gt;</c> task it reaches, once per iteration, with the variables of that iteration.
/// </summary>
internal sealed class DigdagTranslator(WorkflowDraft draft, ImportFindings findings, EmbulkConfigTranslator embulk, TimeProvider time)
{
    private int _lanes;
    private int _retries;

    public void Translate(ConfigMap root, string file)
    {
        var zone = TimeZoneOf(root);
        if (root.Find("schedule") is { Value: ConfigMap schedule } entry)
        {
            TranslateSchedule(schedule, zone, entry);
        }

        RunTask(root, new TemplateScope(), file);
        if (_lanes > 1)
        {
            draft.Defaults["parallelism"] = _lanes;
            findings.Note($"_parallel ran up to {_lanes} embulk processes at once; BatchSync runs that many lanes (defaults.parallelism); set source.max_connections to cap the load on MySQL.");
        }

        if (_retries > 0)
        {
            draft.Defaults["retries"] = _retries;
            findings.Note($"_retry: {_retries} re-ran a whole embulk task; BatchSync retries an item (a table or chunk) {_retries} times on transient errors only, and a re-run with the same --run-id redoes only what failed.");
        }
    }

    private TimeZoneInfo TimeZoneOf(ConfigMap root)
    {
        if (root.Find("timezone") is not { Value: ConfigScalar name } entry)
        {
            return TimeZoneInfo.Utc;
        }

        if (TimeZoneInfo.TryFindSystemTimeZoneById(name.Value, out var zone))
        {
            draft.TimeZone = name.Value;
            return zone;
        }

        findings.Add(entry.Key.Location, $"timezone '{name.Value}' is not an IANA time zone", "set timezone: to one, e.g. Asia/Tokyo");
        return TimeZoneInfo.Utc;
    }

    private void TranslateSchedule(ConfigMap schedule, TimeZoneInfo zone, ConfigEntry entry)
    {
        var rule = schedule.Entries.FirstOrDefault(e => e.Key.Value.EndsWith('>'));
        if (rule?.Value is not ConfigScalar value)
        {
            findings.Add(entry.Key.Location, "schedule has no digdag rule (daily>, cron>, …)", "write schedule: as an EventBridge cron in UTC");
            return;
        }

        var (expression, comment, problem) = DigdagSchedule.Translate(rule.Key.Value, value.Value, zone, time.GetUtcNow());
        if (expression is null)
        {
            findings.Add(rule.Key.Location, $"schedule {rule.Key.Value} {value.Value}: {problem}", "write schedule: as an EventBridge cron in UTC (docs/workflow-reference.md#schedules)");
            return;
        }

        draft.Schedule = expression;
        draft.ScheduleComment = comment;
        foreach (var other in schedule.Entries.Where(e => e != rule))
        {
            findings.Add(other.Key.Location, $"schedule.{other.Key.Value}", "EventBridge has no equivalent; the infrastructure starts one run per scheduled time");
        }
    }

    private void RunTask(ConfigMap task, TemplateScope scope, string file)
    {
        scope = task.Find("_export") is { Value: ConfigMap exports } ? Exports(exports, scope, file) : scope;
        if (task.Find("_retry")?.Value is ConfigScalar retry && int.TryParse(retry.Value, CultureInfo.InvariantCulture, out var retries))
        {
            _retries = Math.Max(_retries, retries);
        }

        if (task.Find("_error") is { } error)
        {
            findings.Add(error.Key.Location, "_error: the tasks run when the workflow fails (usually a Slack or mail notice)",
                "use notify: {slack: {webhook: secret:…}}; BatchSync reports failures of tables, items and lanes itself");
        }

        foreach (var entry in task.Entries)
        {
            var key = entry.Key.Value;
            switch (key)
            {
                case "embulk>":
                    Embulk(entry, scope, file);
                    break;
                case "for_each>":
                    ForEach(task, entry, scope, file);
                    break;
                case "loop>":
                    Loop(task, entry, scope, file);
                    break;
                case "sh>" when entry.Value is ConfigScalar { Value: var command } && command.Contains("embulk", StringComparison.Ordinal):
                    findings.Add(entry.Key.Location, $"sh> runs embulk itself ({command})", "import the config it runs with: batchsync import embulk CONFIG --tables LIST.json");
                    break;
                case "call>" or "require>":
                    findings.Add(entry.Key.Location, $"{key} {(entry.Value as ConfigScalar)?.Value} runs another workflow", "import that workflow too");
                    break;
                default:
                    if (key.StartsWith('+') && entry.Value is ConfigMap child)
                    {
                        RunTask(child, scope, file);
                    }
                    else if (key.EndsWith('>'))
                    {
                        findings.Add(entry.Key.Location, $"the {key} task is not part of the copy", "run it elsewhere (a separate scheduled job), or drop it");
                    }

                    break;
            }
        }
    }

    private void Embulk(ConfigEntry entry, TemplateScope scope, string file)
    {
        if (entry.Value is not ConfigScalar { Value: var name })
        {
            findings.Add(entry.Key.Location, "embulk> does not name a config file", "import the config with batchsync import embulk");
            return;
        }

        var path = Path.Combine(Path.GetDirectoryName(file) ?? ".", name);
        if (!File.Exists(path))
        {
            findings.Add(entry.Key.Location, $"embulk> {name}: the config file does not exist (looked for {path})", "put the config next to the .dig file, or import it with batchsync import embulk");
            return;
        }

        embulk.Translate(ImportSources.ReadEmbulkConfig(path, findings), scope);
    }

    private void ForEach(ConfigMap task, ConfigEntry entry, TemplateScope scope, string file)
    {
        if (task.Find("_do")?.Value is not ConfigMap body || entry.Value is not ConfigMap variables)
        {
            findings.Add(entry.Key.Location, "for_each> without _do or variables", "list the tables in tables:");
            return;
        }

        var iterations = new List<TemplateScope> { scope };
        foreach (var variable in variables.Entries)
        {
            if (Items(variable.Value, scope) is not { } items)
            {
                findings.Add(variable.Key.Location, $"for_each> {variable.Key.Value}: the list could not be read", "list the tables in tables:");
                return;
            }

            iterations = [.. iterations.SelectMany(s => items.Select(item => s.With(variable.Key.Value, item)))];
        }

        Count(task, iterations.Count);
        foreach (var iteration in iterations)
        {
            RunTask(body, iteration, file);
        }
    }

    private void Loop(ConfigMap task, ConfigEntry entry, TemplateScope scope, string file)
    {
        var count = entry.Value is ConfigScalar { Value: var text } ? LoopCount(text, scope) : null;
        if (task.Find("_do")?.Value is not ConfigMap body || count is null)
        {
            findings.Add(entry.Key.Location, "loop> count could not be worked out", "list the tables in tables:");
            return;
        }

        Count(task, count.Value);
        for (var i = 0; i < count; i++)
        {
            RunTask(body, scope.With("i", new ConfigScalar(entry.Key.Location, i.ToString(CultureInfo.InvariantCulture), ScalarKind.Integer)), file);
        }
    }

    private static int? LoopCount(string text, TemplateScope scope)
    {
        if (int.TryParse(text, CultureInfo.InvariantCulture, out var count))
        {
            return count;
        }

        // ${tables.length}
        var inner = text.Trim().TrimStart('$').Trim('{', '}').Trim();
        return inner.EndsWith(".length", StringComparison.Ordinal) && scope.Resolve(inner[..^".length".Length]) is ConfigSequence list ? list.Items.Count : null;
    }

    private static List<ConfigNode>? Items(ConfigNode value, TemplateScope scope) => value switch
    {
        ConfigSequence list => [.. list.Items],
        ConfigScalar scalar when scalar.Value.StartsWith("${", StringComparison.Ordinal) && scope.Resolve(scalar.Value[2..^1]) is ConfigSequence list => [.. list.Items],
        _ => null,
    };

    private void Count(ConfigMap task, int iterations)
    {
        if (!IsParallel(task))
        {
            return;
        }

        var limit = task.Find("_parallel")?.Value is ConfigMap { } settings && (settings.Find("limit")?.Value as ConfigScalar)?.Value is { } text
            && int.TryParse(text, CultureInfo.InvariantCulture, out var parsed) ? parsed : iterations;
        _lanes = Math.Max(_lanes, Math.Min(limit, iterations));
    }

    private static bool IsParallel(ConfigMap task) => task.Find("_parallel")?.Value switch
    {
        ConfigScalar { Value: "true" } => true,
        ConfigMap => true,
        _ => false,
    };

    private TemplateScope Exports(ConfigMap exports, TemplateScope scope, string file)
    {
        foreach (var entry in exports.Entries)
        {
            if (entry.Key.Value == "__include__" && entry.Value is ConfigScalar { Value: var included })
            {
                var path = Path.Combine(Path.GetDirectoryName(file) ?? ".", included);
                if (File.Exists(path) && ImportSources.ReadDocument(path) is ConfigMap map)
                {
                    scope = scope.WithAll(map);
                }
                else
                {
                    findings.Add(entry.Key.Location, $"!include {included} could not be read as a map (looked for {path})", "list the tables in tables:");
                }
            }
            else if (entry.Key.Value != "_export" && !entry.Key.Value.StartsWith('+') && entry.Key.Value is not ("timezone" or "schedule"))
            {
                scope = scope.With(entry.Key.Value, entry.Value);
            }
        }

        return scope;
    }
}
