using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using BatchSync.Core.Workflows.Documents;

namespace BatchSync.Commands.Import;

/// <summary>
/// The variables a digdag task sees (<c>_export</c>, <c>for_each</c> items) and the evaluation of <c>${…}</c> in the
/// files it renders: variables become their values, digdag's session date becomes <c>{run_date}</c>, environment
/// variables become <c>env:</c> references; anything else is reported as untranslatable.
/// </summary>
internal sealed partial class TemplateScope
{
    private readonly Dictionary<string, ConfigNode> _variables;
    private readonly Dictionary<string, string> _environment;

    public TemplateScope()
        : this(new Dictionary<string, ConfigNode>(StringComparer.Ordinal), new Dictionary<string, string>(StringComparer.Ordinal))
    {
    }

    private TemplateScope(Dictionary<string, ConfigNode> variables, Dictionary<string, string> environment)
    {
        _variables = variables;
        _environment = environment;
    }

    public TemplateScope With(string name, ConfigNode value)
        => new(new Dictionary<string, ConfigNode>(_variables, StringComparer.Ordinal) { [name] = value }, _environment);

    /// <summary>An environment variable whose value the import knows (set per table by the script that ran embulk).</summary>
    public TemplateScope WithEnvironment(string name, string value)
        => new(_variables, new Dictionary<string, string>(_environment, StringComparer.Ordinal) { [name] = value });

    public TemplateScope WithAll(ConfigMap exports)
    {
        var variables = new Dictionary<string, ConfigNode>(_variables, StringComparer.Ordinal);
        foreach (var entry in exports.Entries)
        {
            variables[entry.Key.Value] = entry.Value;
        }

        return new TemplateScope(variables, _environment);
    }

    /// <summary>The node a <c>${…}</c> expression names (for lists to loop over), or null.</summary>
    public ConfigNode? Resolve(string expression)
    {
        var tokens = PathToken().Matches(expression.Trim());
        if (tokens.Count == 0 || string.Concat(tokens.Select(t => t.Value)) != expression.Trim())
        {
            return null;
        }

        ConfigNode? node = null;
        foreach (Match token in tokens)
        {
            var name = token.Groups["name"].Value;
            var index = token.Groups["index"].Value;
            if (name.Length > 0)
            {
                node = node is null
                    ? _variables.GetValueOrDefault(name)
                    : (node as ConfigMap)?.Find(name)?.Value;
            }
            else if (node is ConfigSequence list && (IndexOf(index) ?? IndexOf((Resolve(index) as ConfigScalar)?.Value ?? "")) is { } position && position < list.Items.Count)
            {
                node = list.Items[position];
            }
            else if (node is ConfigMap map && (Resolve(index) as ConfigScalar)?.Value is { } key)
            {
                node = map.Find(key)?.Value;
            }
            else
            {
                return null;
            }

            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    /// <param name="text">A scalar of the old job's files.</param>
    /// <param name="tableExpression">The expression that names the source table: it becomes <c>{table}</c>.</param>
    public TemplateValue Evaluate(string text, string? tableExpression = null)
    {
        var matches = Expression().Matches(text);
        if (matches.Count == 1 && matches[0].Length == text.Length && EnvName(matches[0].Groups["body"].Value) is { } whole && !_environment.ContainsKey(whole))
        {
            return new TemplateValue.Environment(whole);
        }

        var result = new StringBuilder();
        var last = 0;
        foreach (Match match in matches)
        {
            result.Append(text, last, match.Index - last);
            last = match.Index + match.Length;
            var body = match.Groups["body"].Value.Trim();
            var (value, problem) = body == tableExpression ? ("{table}", null) : Translate(body);
            if (problem is not null)
            {
                return new TemplateValue.Untranslatable(problem);
            }

            result.Append(value);
        }

        result.Append(text, last, text.Length - last);
        return new TemplateValue.Text(result.ToString());
    }

    private (string? Value, string? Problem) Translate(string body)
    {
        if (EnvName(body) is { } env)
        {
            return _environment.TryGetValue(env, out var known) ? (known, null) : (null, $"part of it comes from the environment variable {env}");
        }

        if (body.StartsWith("__strftime:", StringComparison.Ordinal))
        {
            var format = body["__strftime:".Length..];
            return StrftimeFormat.ToPlaceholders(format) is { } placeholders ? (placeholders, null) : (null, $"the date format '{format}' has no run_date equivalent");
        }

        if (body.StartsWith("__liquid:", StringComparison.Ordinal))
        {
            return (null, $"the liquid expression '{body["__liquid:".Length..]}' cannot be evaluated");
        }

        switch (body)
        {
            case "session_date_compact":
                return ("{run_date}", null);
            case "session_date":
                return ("{run_date:yyyy-MM-dd}", null);
        }

        if (body.StartsWith("secret:", StringComparison.Ordinal))
        {
            return (null, $"it holds the digdag secret '{body["secret:".Length..]}'");
        }

        if (body.Contains("session", StringComparison.Ordinal) || body.StartsWith("moment", StringComparison.Ordinal))
        {
            return (null, $"digdag's '{body}' has no equivalent: BatchSync offers {{run_date}} and {{run_time}} of the scheduled time, without offsets");
        }

        return Resolve(body) is ConfigScalar scalar
            ? (scalar.Value, null)
            : (null, $"'${{{body}}}' names no variable the import could find");
    }

    private static string? EnvName(string body)
        => body.Trim().StartsWith("env.", StringComparison.Ordinal) ? body.Trim()["env.".Length..] : null;

    private static int? IndexOf(string text)
        => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : null;

    [GeneratedRegex(@"\$\{(?<body>[^}]*)\}")]
    private static partial Regex Expression();

    [GeneratedRegex(@"(?:^|\.)(?<name>[A-Za-z_][A-Za-z0-9_]*)|\[(?<index>[^\]]+)\]")]
    private static partial Regex PathToken();
}
