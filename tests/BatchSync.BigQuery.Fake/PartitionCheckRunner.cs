using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BatchSync.BigQuery.Fake;

/// <summary>
/// The query BatchSync runs before it lands one partition: it counts the staged rows outside that partition and fails
/// through ERROR(FORMAT(…, count)) when there are any. The fake evaluates the predicate as written (FORMAT_DATE,
/// FORMAT_DATETIME and FORMAT_TIMESTAMP with %Y %m %d %H, or an integer range), with BigQuery's signatures: each
/// FORMAT_ function takes its own column type only, and a NULL value satisfies nothing.
/// </summary>
internal static partial class PartitionCheckRunner
{
    public static bool Matches(string sql) => CheckRegex().IsMatch(sql);

    public static JsonObject Run(FakeBigQueryState state, string sql, string location)
    {
        var match = CheckRegex().Match(sql);
        var names = QuotedNameRegex().Matches(match.Groups["table"].Value).Select(name => name.Groups[1].Value).ToList();
        JobLocation.Check(state, names[0], names[1], location);
        var table = state.Table(names[0], names[1], names[2]) ?? throw JobFailedException.Single("notFound", $"Not found: Table {names[0]}:{names[1]}.{names[2]} was not found in location {location}");
        var inPartition = Predicate(table, match.Groups["predicate"].Value);
        var outside = table.Rows.Count(row => inPartition(row.Values) != true);
        if (outside > 0)
        {
            var message = Regex.Unescape(match.Groups["message"].Value);
            throw JobFailedException.Single("invalidQuery", message.Replace("%d", outside.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal).Replace("%%", "%", StringComparison.Ordinal));
        }

        return new JsonObject { ["query"] = new JsonObject { ["statementType"] = "SELECT" } };
    }

    /// <summary>The predicate over a row's values: true, false, or null (SQL NULL) when the column is NULL.</summary>
    private static Func<IReadOnlyDictionary<string, string?>, bool?> Predicate(FakeTable table, string text)
    {
        if (FormatRegex().Match(text) is { Success: true } format)
        {
            var column = Column(table, format.Groups["column"].Value);
            var function = format.Groups["function"].Value;
            var argumentType = function switch { "FORMAT_DATE" => "DATE", "FORMAT_DATETIME" => "DATETIME", _ => "TIMESTAMP" };
            if (column.Type != argumentType)
            {
                throw Invalid($"No matching signature for function {function} for argument types: STRING, {column.Type}");
            }

            var pattern = format.Groups["format"].Value;
            var expected = format.Groups["value"].Value;
            return values => values.GetValueOrDefault(column.Name) is { } value ? Strftime(pattern, value) == expected : null;
        }

        if (RangeRegex().Match(text) is { Success: true } range)
        {
            var column = Column(table, range.Groups["column"].Value);
            if (column.Type != "INT64" || range.Groups["column2"].Value != range.Groups["column"].Value)
            {
                throw Invalid($"Unsupported partition range predicate on {column.Name} ({column.Type})");
            }

            var lower = long.Parse(range.Groups["lower"].Value, CultureInfo.InvariantCulture);
            var upper = long.Parse(range.Groups["upper"].Value, CultureInfo.InvariantCulture);
            return values => values.GetValueOrDefault(column.Name) is { } value ? long.Parse(value, CultureInfo.InvariantCulture) is var number && number >= lower && number < upper : null;
        }

        throw Invalid($"Syntax error: the fake does not understand this predicate: {text}");
    }

    private static FakeColumn Column(FakeTable table, string name) => table.Column(name) ?? throw Invalid($"Unrecognized name: {name}");

    /// <summary>The subset of BigQuery's format elements a partition id needs.</summary>
    private static string Strftime(string pattern, string value)
    {
        var instant = PartitionIds.ParseInstant(value);
        var text = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] != '%' || i + 1 == pattern.Length)
            {
                text.Append(pattern[i]);
                continue;
            }

            text.Append(pattern[++i] switch
            {
                'Y' => instant.ToString("yyyy", CultureInfo.InvariantCulture),
                'm' => instant.ToString("MM", CultureInfo.InvariantCulture),
                'd' => instant.ToString("dd", CultureInfo.InvariantCulture),
                'H' => instant.ToString("HH", CultureInfo.InvariantCulture),
                var element => throw Invalid($"The fake does not format %{element}."),
            });
        }

        return text.ToString();
    }

    private static JobFailedException Invalid(string message) => JobFailedException.Single("invalidQuery", message, "query");

    [GeneratedRegex(@"^\s*SELECT\s+ERROR\(\s*FORMAT\(\s*'(?<message>(?:[^'\\]|\\.)*)'\s*,\s*outside\s*\)\s*\)\s+FROM\s+\(\s*SELECT\s+COUNTIF\(\s*\((?<predicate>.+)\)\s+IS\s+NOT\s+TRUE\s*\)\s+AS\s+outside\s+FROM\s+(?<table>`[^`]+`\.`[^`]+`\.`[^`]+`)\s*\)\s+WHERE\s+outside\s*>\s*0\s*;?\s*$", RegexOptions.Singleline)]
    private static partial Regex CheckRegex();

    [GeneratedRegex(@"^\s*(?<function>FORMAT_DATE|FORMAT_DATETIME|FORMAT_TIMESTAMP)\(\s*'(?<format>[^']*)'\s*,\s*`(?<column>[^`]+)`\s*(?:,\s*'UTC'\s*)?\)\s*=\s*'(?<value>[^']*)'\s*$")]
    private static partial Regex FormatRegex();

    [GeneratedRegex(@"^\s*`(?<column>[^`]+)`\s*>=\s*(?<lower>-?\d+)\s+AND\s+`(?<column2>[^`]+)`\s*<\s*(?<upper>-?\d+)\s*$")]
    private static partial Regex RangeRegex();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex QuotedNameRegex();
}
