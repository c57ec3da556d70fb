using System.Globalization;
using System.Text;

namespace BatchSync.Core.Workflows.Templates;

/// <summary>
/// An out_table name with optional <c>{run_date}</c>, <c>{run_date:FORMAT}</c>, <c>{run_time}</c> and
/// <c>{run_time:FORMAT}</c> placeholders, evaluated in the workflow's time zone, and <c>{table}</c> (the source table),
/// so one template serves a whole table list. Build with <see cref="Parse"/>.
/// </summary>
public sealed class OutTableTemplate : IEquatable<OutTableTemplate>
{
    private readonly IReadOnlyList<TemplatePart> _parts;

    private OutTableTemplate(string text, IReadOnlyList<TemplatePart> parts)
    {
        Text = text;
        _parts = parts;
    }

    /// <summary>The template as written.</summary>
    public string Text { get; }

    public bool HasPlaceholders => _parts.Any(p => p is not LiteralPart);

    public static OutTableTemplate Literal(string name) => new(name, [new LiteralPart(name)]);

    /// <summary>Parses a template, or returns null and a message saying what is wrong.</summary>
    public static OutTableTemplate? Parse(string text, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = new List<TemplatePart>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '}')
            {
                error = $"unmatched '}}' at character {i + 1}";
                return null;
            }

            if (c != '{')
            {
                literal.Append(c);
                i++;
                continue;
            }

            var close = text.IndexOf('}', i);
            if (close < 0)
            {
                error = $"unclosed '{{' at character {i + 1}";
                return null;
            }

            var body = text[(i + 1)..close];
            error = null;
            TemplatePart? placeholder = body == TablePart.Name ? new TablePart() : DatePart.Parse(body, out error);
            if (placeholder is null)
            {
                return null;
            }

            if (literal.Length > 0)
            {
                parts.Add(new LiteralPart(literal.ToString()));
                literal.Clear();
            }

            parts.Add(placeholder);
            i = close + 1;
        }

        if (literal.Length > 0)
        {
            parts.Add(new LiteralPart(literal.ToString()));
        }

        error = null;
        return new OutTableTemplate(text, parts);
    }

    /// <summary>
    /// The name of <paramref name="table"/>'s destination for a run scheduled for <paramref name="runTime"/>, date
    /// placeholders read in <paramref name="zone"/>.
    /// </summary>
    public string Render(DateTimeOffset runTime, TimeZoneInfo zone, string table)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(runTime, zone);
        var builder = new StringBuilder();
        foreach (var part in _parts)
        {
            builder.Append(part.Render(local, table));
        }

        return builder.ToString();
    }

    public bool Equals(OutTableTemplate? other) => other is not null && Text == other.Text;

    public override bool Equals(object? obj) => Equals(obj as OutTableTemplate);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    public override string ToString() => Text;

    private abstract record TemplatePart
    {
        public abstract string Render(DateTimeOffset local, string table);
    }

    private sealed record LiteralPart(string Text) : TemplatePart
    {
        public override string Render(DateTimeOffset local, string table) => Text;
    }

    private sealed record TablePart : TemplatePart
    {
        public const string Name = "table";

        public override string Render(DateTimeOffset local, string table) => table;
    }

    private sealed record DatePart(string Format) : TemplatePart
    {
        private static readonly string[] Names = ["run_date", "run_time"];

        public override string Render(DateTimeOffset local, string table) => local.ToString(Format, CultureInfo.InvariantCulture);

        public static DatePart? Parse(string body, out string? error)
        {
            var colon = body.IndexOf(':', StringComparison.Ordinal);
            var name = colon < 0 ? body : body[..colon];
            var format = colon < 0 ? null : body[(colon + 1)..];
            if (!Names.Contains(name))
            {
                // {date} and {time} are near misses by meaning, too far apart by spelling for the edit distance.
                string[] known = [.. Names, TablePart.Name];
                var suggestion = Diagnostics.Suggestions.DidYouMean(name, known)
                    ?? known.Where(n => name.Length >= 3 && n.Contains(name, StringComparison.OrdinalIgnoreCase)).Select(n => $"did you mean '{n}'?").FirstOrDefault();
                error = $"unknown placeholder '{{{name}}}'; the placeholders are {{run_date}}, {{run_time}} and {{table}}"
                    + (suggestion is null ? string.Empty : $" ({suggestion})");
                return null;
            }

            var isDate = name == "run_date";
            format ??= isDate ? "yyyyMMdd" : "yyyyMMddHHmmss";
            error = DateFormatRules.Check(format, allowTimeOfDay: !isDate);
            return error is null ? new DatePart(format) : null;
        }
    }
}
