using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace BatchSync.Commands.Import;

/// <summary>Writes a <see cref="WorkflowDraft"/> as workflow YAML, the findings first as comments.</summary>
internal static partial class WorkflowDraftWriter
{
    public static string Write(WorkflowDraft draft, ImportFindings findings, string origin)
    {
        var yaml = new StringBuilder();
        yaml.AppendLine(CultureInfo.InvariantCulture, $"# Imported from {origin} by batchsync import.");
        foreach (var note in findings.Notes)
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"# {note}");
        }

        if (findings.NotMapped.Count > 0)
        {
            yaml.AppendLine("# NOT MAPPED, to settle before the first run:");
            foreach (var item in findings.NotMapped)
            {
                yaml.AppendLine(CultureInfo.InvariantCulture, $"#   {item}");
            }
        }

        yaml.AppendLine();
        if (draft.Name is not null)
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"name: {Scalar(draft.Name)}");
        }

        if (draft.Schedule is not null)
        {
            var comment = draft.ScheduleComment is null ? "" : $"   # {draft.ScheduleComment}";
            yaml.AppendLine(CultureInfo.InvariantCulture, $"schedule: {Scalar(draft.Schedule)}{comment}");
        }

        if (draft.TimeZone is not null)
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"timezone: {Scalar(draft.TimeZone)}");
        }

        Section(yaml, "source", draft.Source);
        Section(yaml, "destination", draft.Destination);
        Section(yaml, "defaults", draft.Defaults);
        yaml.AppendLine("tables:");
        foreach (var table in draft.Tables)
        {
            var first = true;
            foreach (var (key, value) in table)
            {
                Entry(yaml, first ? "  - " : "    ", key, value, "    ");
                first = false;
            }
        }

        return yaml.ToString();
    }

    private static void Section(StringBuilder yaml, string name, OrderedDictionary<string, object> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }

        yaml.AppendLine(CultureInfo.InvariantCulture, $"{name}:");
        foreach (var (key, value) in entries)
        {
            Entry(yaml, "  ", key, value, "  ");
        }
    }

    private static void Entry(StringBuilder yaml, string prefix, string key, object value, string indent)
    {
        switch (value)
        {
            case OrderedDictionary<string, object> nested:
                yaml.AppendLine(CultureInfo.InvariantCulture, $"{prefix}{Scalar(key)}:");
                foreach (var (innerKey, innerValue) in nested)
                {
                    Entry(yaml, indent + "  ", innerKey, innerValue, indent + "  ");
                }

                break;
            case IReadOnlyList<string> list:
                yaml.AppendLine(CultureInfo.InvariantCulture, $"{prefix}{Scalar(key)}: [{string.Join(", ", list.Select(Scalar))}]");
                break;
            default:
                yaml.AppendLine(CultureInfo.InvariantCulture, $"{prefix}{Scalar(key)}: {Scalar(value)}");
                break;
        }
    }

    /// <summary>Plain when YAML reads it back as the same string, double-quoted (JSON escapes) otherwise.</summary>
    private static string Scalar(object value) => value switch
    {
        bool flag => flag ? "true" : "false",
        int or long => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        string text when PlainSafe().IsMatch(text) && !LooksTyped().IsMatch(text) => text,
        string text => System.Text.Json.JsonSerializer.Serialize(text, QuotedJson.Options),
        _ => throw new ArgumentException($"Cannot write a {value.GetType().Name} as YAML.", nameof(value)),
    };

    [GeneratedRegex(@"^[A-Za-z0-9_./@-][A-Za-z0-9_./@ -]*(?<! )$")]
    private static partial Regex PlainSafe();

    // Strings YAML 1.2 would read as something else (numbers, booleans, null).
    [GeneratedRegex(@"^([-+]?[0-9._]+([eE][-+]?[0-9]+)?|true|false|null|~|True|False|TRUE|FALSE|Null|NULL)$")]
    private static partial Regex LooksTyped();

    private static class QuotedJson
    {
        public static readonly System.Text.Json.JsonSerializerOptions Options = new()
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
    }
}
