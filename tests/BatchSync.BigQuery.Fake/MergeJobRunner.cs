using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BatchSync.BigQuery.Fake;

/// <summary>
/// Query jobs. The fake understands exactly one statement shape — the keyed MERGE BatchSync issues — and answers
/// any other SQL with invalidQuery, so a new statement in the client cannot pass tests unexamined.
/// </summary>
internal static partial class MergeJobRunner
{
    public static JsonObject Run(FakeBigQueryState state, JsonObject query, string location, DateTimeOffset now)
    {
        if (query["useLegacySql"]?.GetValue<bool>() != false)
        {
            throw JobFailedException.Single("invalidQuery", "The fake runs GoogleSQL only: set useLegacySql to false (the API defaults to legacy SQL).");
        }

        var sql = query["query"]?.GetValue<string>() ?? throw GoogleErrorException.Invalid("Query configuration must specify query.");
        var match = MergeRegex().Match(sql);
        if (!match.Success)
        {
            throw JobFailedException.Single("invalidQuery", $"Syntax error: the fake does not understand this statement: {sql[..Math.Min(sql.Length, 80)]}", "query");
        }

        var target = Resolve(state, match.Groups["target"].Value, location);
        var source = Resolve(state, match.Groups["source"].Value, location);
        var keys = Split(match.Groups["on"].Value, @"\s+AND\s+").Select(condition => ParsePair(condition, KeyConditionRegex())).ToList();
        var sets = match.Groups["set"].Success ? Split(match.Groups["set"].Value, ",").Select(assignment => ParsePair(assignment, AssignmentRegex())).ToList() : [];
        var insertColumns = Split(match.Groups["cols"].Value, ",").Select(Unquote).ToList();
        var insertValues = Split(match.Groups["vals"].Value, ",").Select(value => Unquote(value.Trim().StartsWith("S.", StringComparison.Ordinal) ? value.Trim()[2..] : throw Invalid($"Unsupported INSERT value {value}"))).ToList();
        if (insertColumns.Count != insertValues.Count)
        {
            throw Invalid("The number of INSERT columns does not match the number of values.");
        }

        foreach (var (targetColumn, sourceColumn) in keys.Concat(sets).Concat(insertColumns.Zip(insertValues)))
        {
            var t = target.Column(targetColumn) ?? throw Invalid($"Unrecognized name: {targetColumn}");
            var s = source.Column(sourceColumn) ?? throw Invalid($"Unrecognized name: {sourceColumn}");
            if (t.Type != s.Type)
            {
                throw Invalid($"Value of type {s.Type} cannot be assigned to {t.TableColumnName()}, which has type {t.Type}");
            }
        }

        var affected = Execute(target, source, keys, sets, insertColumns.Zip(insertValues).ToList(), match.Groups["delete"].Success, now);
        return new JsonObject
        {
            ["query"] = new JsonObject
            {
                ["statementType"] = "MERGE",
                ["numDmlAffectedRows"] = affected.ToString(CultureInfo.InvariantCulture),
            },
        };
    }

    private static long Execute(FakeTable target, FakeTable source, List<(string Target, string Source)> keys, List<(string Target, string Source)> sets, List<(string Target, string Source)> inserts, bool deleteMissing, DateTimeOffset now)
    {
        var result = new List<FakeRow>();
        var matchedSources = new HashSet<int>();
        long affected = 0;
        foreach (var row in target.Rows)
        {
            var matches = Enumerable.Range(0, source.Rows.Count).Where(i => keys.All(key => row.Values.GetValueOrDefault(key.Target) is { } value && value == source.Rows[i].Values.GetValueOrDefault(key.Source))).ToList();
            if (matches.Count > 1)
            {
                throw JobFailedException.Single("invalidQuery", "UPDATE/MERGE must match at most one source row for each target row");
            }

            if (matches.Count == 0)
            {
                if (deleteMissing)
                {
                    affected++;
                    continue;
                }

                result.Add(row);
                continue;
            }

            matchedSources.Add(matches[0]);
            var values = new Dictionary<string, string?>(row.Values, StringComparer.OrdinalIgnoreCase);
            foreach (var (targetColumn, sourceColumn) in sets)
            {
                values[targetColumn] = source.Rows[matches[0]].Values.GetValueOrDefault(sourceColumn);
            }

            affected++;
            result.Add(new FakeRow(values, PartitionIds.Of(target, values, null, now)));
        }

        for (var i = 0; i < source.Rows.Count; i++)
        {
            if (matchedSources.Contains(i))
            {
                continue;
            }

            var values = target.Schema.ToDictionary(column => column.Name, _ => (string?)null, StringComparer.OrdinalIgnoreCase);
            foreach (var (targetColumn, sourceColumn) in inserts)
            {
                values[targetColumn] = source.Rows[i].Values.GetValueOrDefault(sourceColumn);
            }

            affected++;
            result.Add(new FakeRow(values, PartitionIds.Of(target, values, null, now)));
        }

        target.Rows = result;
        return affected;
    }

    private static FakeTable Resolve(FakeBigQueryState state, string quoted, string location)
    {
        var parts = QuotedNameRegex().Matches(quoted).Select(match => match.Groups[1].Value).ToList();
        JobLocation.Check(state, parts[0], parts[1], location);
        return state.Table(parts[0], parts[1], parts[2]) ?? throw JobFailedException.Single("notFound", $"Not found: Table {parts[0]}:{parts[1]}.{parts[2]} was not found in location {location}");
    }

    private static (string Target, string Source) ParsePair(string text, Regex shape)
    {
        var match = shape.Match(text.Trim());
        return match.Success ? (match.Groups["t"].Value, match.Groups["s"].Value) : throw Invalid($"Unsupported expression: {text.Trim()}");
    }

    private static IEnumerable<string> Split(string text, string separator) => Regex.Split(text.Trim(), separator).Where(part => part.Length > 0);

    private static string Unquote(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length > 2 && trimmed[0] == '`' && trimmed[^1] == '`' ? trimmed[1..^1] : throw Invalid($"Identifiers must be quoted with backticks: {trimmed}");
    }

    private static JobFailedException Invalid(string message) => JobFailedException.Single("invalidQuery", message, "query");

    private static string TableColumnName(this FakeColumn column) => column.Name;

    [GeneratedRegex(@"^\s*MERGE\s+INTO\s+(?<target>`[^`]+`\.`[^`]+`\.`[^`]+`)\s+AS\s+T\s+USING\s+(?<source>`[^`]+`\.`[^`]+`\.`[^`]+`)\s+AS\s+S\s+ON\s+(?<on>.+?)\s+(WHEN\s+MATCHED\s+THEN\s+UPDATE\s+SET\s+(?<set>.+?)\s+)?WHEN\s+NOT\s+MATCHED\s+THEN\s+INSERT\s*\((?<cols>[^)]*)\)\s*VALUES\s*\((?<vals>[^)]*)\)(?<delete>\s+WHEN\s+NOT\s+MATCHED\s+BY\s+SOURCE\s+THEN\s+DELETE)?\s*;?\s*$", RegexOptions.Singleline)]
    private static partial Regex MergeRegex();

    [GeneratedRegex(@"^T\.`(?<t>[^`]+)`\s*=\s*S\.`(?<s>[^`]+)`$")]
    private static partial Regex KeyConditionRegex();

    [GeneratedRegex(@"^`(?<t>[^`]+)`\s*=\s*S\.`(?<s>[^`]+)`$")]
    private static partial Regex AssignmentRegex();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex QuotedNameRegex();
}
