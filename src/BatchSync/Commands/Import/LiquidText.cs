using System.Text.RegularExpressions;
using BatchSync.Core.Workflows.Diagnostics;

namespace BatchSync.Commands.Import;

/// <summary>
/// Rewrites the liquid an embulk <c>.yml.liquid</c> config uses into the <c>${…}</c> expressions
/// <see cref="TemplateScope"/> evaluates, before the file is read as YAML: <c>{{ env.NAME }}</c> becomes
/// <c>${env.NAME}</c>, <c>{{ 'now' | date: '%Y%m%d' }}</c> a run-date expression; tags (<c>{% … %}</c>) cannot be
/// evaluated and are reported.
/// </summary>
internal static partial class LiquidText
{
    public static string Rewrite(string text, string file, ImportFindings findings)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            foreach (Match tag in Tag().Matches(line))
            {
                findings.Add(new SourceLocation(file, i + 1, tag.Index + 1), $"liquid tag '{tag.Value.Trim()}' was not evaluated",
                    "the import read the lines around it as they stand; check the tables and settings it chose between");
            }

            line = Tag().Replace(line, "");
            lines[i] = Output().Replace(line, match => Expression(match.Groups["body"].Value.Trim()));
        }

        return string.Join('\n', lines);
    }

    private static string Expression(string body)
    {
        if (EnvVariable().Match(body) is { Success: true } env)
        {
            return "${env." + env.Groups["name"].Value + "}";
        }

        if (NowDate().Match(body) is { Success: true } date)
        {
            return "${__strftime:" + date.Groups["format"].Value + "}";
        }

        return "${__liquid:" + body.Replace("}", ")", StringComparison.Ordinal) + "}";
    }

    [GeneratedRegex(@"\{%-?.*?-?%\}")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\{\{-?(?<body>.*?)-?\}\}")]
    private static partial Regex Output();

    [GeneratedRegex(@"^env\.(?<name>[A-Za-z_][A-Za-z0-9_]*)$")]
    private static partial Regex EnvVariable();

    [GeneratedRegex(@"^[""']now[""']\s*\|\s*date:\s*[""'](?<format>[^""']+)[""']$")]
    private static partial Regex NowDate();
}
