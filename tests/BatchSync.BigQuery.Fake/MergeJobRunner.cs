using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BatchSync.BigQuery.Fake;

/// <summary>
/// Query jobs. The fake understands two statement shapes — the keyed MERGE BatchSync issues (here) and its partition
/// check (<see cref="PartitionCheckRunner"/>) — and answers any other SQL with invalidQuery, so a new statement in the
/// client cannot pass tests unexamined.
/// </summary>
internal static partial class MergeJobRunner
{
    public static JsonObject Run(FakeBigQueryState state, JsonObject query, string location, DateTimeOffset now, int partitionsPerJob)
    {
        var sql = Statement(query);
        var match = MergeRegex().Match(sql);
        if (!match.Success)
        {
            throw JobFailedException.Single("invalidQuery", $"Syntax error: the fake does not understand this statement: {sql[..Math.Min(sql.Length, 80)]}", "query");
        }

        var target = Resolve(state, match.Groups["target"].Value, location);
        var source = Resolve(state, match.Groups["source"].Value, location);
        var keys = ParseKeyConditions(match.Groups["on"].Value);
        if (match.Groups["partition"].Success)
        {
            FailOnDuplicateKeys(source, Split(match.Groups["partition"].Value, ",").Select(Unquote).ToList(), Regex.Unescape(match.Groups["error"].Value));
        }

        var sets = match.Groups["set"].Success ? Split(match.Groups["set"].Value, ",").Select(assignment => ParsePair(assignment, AssignmentRegex())).ToList() : [];
        var insertColumns = Split(match.Groups["cols"].Value, ",").Select(Unquote).ToList();
        var insertValues = Split(match.Groups["vals"].Value, ",").Select(value => Unquote(value.Trim().StartsWith("S.", StringComparison.Ordinal) ? value.Trim()[2..] : throw Invalid($"Unsupported INSERT value {value}"))).ToList();
        if (insertColumns.Count != insertValues.Count)
        {
            throw Invalid("The number of INSERT columns does not match the number of values.");
        }

        foreach (var (targetColumn, sourceColumn) in keys.Select(key => (key.Target, key.Source)).Concat(sets).Concat(insertColumns.Zip(insertValues)))
        {
            var t = target.Column(targetColumn) ?? throw Invalid($"Unrecognized name: {targetColumn}");
            var s = source.Column(sourceColumn) ?? throw Invalid($"Unrecognized name: {sourceColumn}");
            if (t.Type != s.Type)
            {
                throw Invalid($"Value of type {s.Type} cannot be assigned to {t.TableColumnName()}, which has type {t.Type}");
            }
        }

        var affected = Execute(target, source, keys, sets, insertColumns.Zip(insertValues).ToList(), match.Groups["delete"].Success, now, partitionsPerJob);
        return new JsonObject
        {
            ["query"] = new JsonObject
            {
                ["statementType"] = "MERGE",
                ["numDmlAffectedRows"] = affected.ToString(CultureInfo.InvariantCulture),
            },
        };
    }

    /// <summary>The GoogleSQL text of a query job; the API defaults to legacy SQL, which the fake does not run.</summary>
    public static string Statement(JsonObject query)
    {
        if (query["useLegacySql"]?.GetValue<bool>() != false)
        {
            throw JobFailedException.Single("invalidQuery", "The fake runs GoogleSQL only: set useLegacySql to false (the API defaults to legacy SQL).");
        }

        return query["query"]?.GetValue<string>() ?? throw GoogleErrorException.Invalid("Query configuration must specify query.");
    }

    private static long Execute(FakeTable target, FakeTable source, List<KeyCondition> keys, List<(string Target, string Source)> sets, List<(string Target, string Source)> inserts, bool deleteMissing, DateTimeOffset now, int partitionsPerJob)
    {
        var result = new List<FakeRow>();
        var modified = new List<string?>();
        var matchedSources = new HashSet<int>();
        long affected = 0;
        foreach (var row in target.Rows)
        {
            var matches = Enumerable.Range(0, source.Rows.Count).Where(i => keys.All(key => key.Matches(row, source.Rows[i]))).ToList();
            if (matches.Count > 1)
            {
                throw JobFailedException.Single("invalidQuery", "UPDATE/MERGE must match at most one source row for each target row");
            }

            if (matches.Count == 0)
            {
                if (deleteMissing)
                {
                    affected++;
                    modified.Add(row.PartitionId);
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
            var updated = new FakeRow(values, PartitionIds.Of(target, values, null, now));
            modified.AddRange([row.PartitionId, updated.PartitionId]);
            result.Add(updated);
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
            var inserted = new FakeRow(values, PartitionIds.Of(target, values, null, now));
            modified.Add(inserted.PartitionId);
            result.Add(inserted);
        }

        PartitionIds.EnsureWithinJobLimit(modified, partitionsPerJob);
        target.Rows = result;
        return affected;
    }

    /// <summary>
    /// The source subquery's QUALIFY IF(COUNT(*) OVER (PARTITION BY keys) > 1, ERROR(message), TRUE): window
    /// partitions group NULLs together, and ERROR() fails the whole statement with its message.
    /// </summary>
    private static void FailOnDuplicateKeys(FakeTable source, List<string> partition, string message)
    {
        foreach (var column in partition)
        {
            _ = source.Column(column) ?? throw Invalid($"Unrecognized name: {column}");
        }

        var duplicated = source.Rows.GroupBy(row => string.Join("\u0001", partition.Select(column => row.Values.GetValueOrDefault(column) is { } value ? "v" + value : "null"))).Any(group => group.Count() > 1);
        if (duplicated)
        {
            throw JobFailedException.Single("invalidQuery", message);
        }
    }

    /// <summary>
    /// Key conditions joined by AND: <c>T.`k` = S.`k`</c>, which never matches NULL (as in BigQuery), or the
    /// NULL-safe <c>(T.`k` = S.`k` OR (T.`k` IS NULL AND S.`k` IS NULL))</c>.
    /// </summary>
    private static List<KeyCondition> ParseKeyConditions(string on)
    {
        var conditions = new List<KeyCondition>();
        var position = 0;
        foreach (Match condition in KeyConditionRegex().Matches(on))
        {
            if (condition.Index != position)
            {
                break;
            }

            position = condition.Index + condition.Length;
            conditions.Add(new KeyCondition(condition.Groups["t"].Value, condition.Groups["s"].Value, condition.Groups["nullsafe"].Success));
        }

        return position == on.Length && conditions.Count > 0 ? conditions : throw Invalid($"Unsupported expression: {on.Trim()}");
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

    [GeneratedRegex(@"^\s*MERGE\s+INTO\s+(?<target>`[^`]+`\.`[^`]+`\.`[^`]+`)\s+AS\s+T\s+USING\s+(?:(?<source>`[^`]+`\.`[^`]+`\.`[^`]+`)|\(\s*SELECT\s+\*\s+FROM\s+(?<source>`[^`]+`\.`[^`]+`\.`[^`]+`)\s+WHERE\s+TRUE\s+QUALIFY\s+IF\(\s*COUNT\(\*\)\s+OVER\s+\(\s*PARTITION\s+BY\s+(?<partition>[^)]+)\)\s*>\s*1\s*,\s*ERROR\(\s*'(?<error>(?:[^'\\]|\\.)*)'\s*\)\s*,\s*TRUE\s*\)\s*\))\s+AS\s+S\s+ON\s+(?<on>.+?)\s+(WHEN\s+MATCHED\s+THEN\s+UPDATE\s+SET\s+(?<set>.+?)\s+)?WHEN\s+NOT\s+MATCHED\s+THEN\s+INSERT\s*\((?<cols>[^)]*)\)\s*VALUES\s*\((?<vals>[^)]*)\)(?<delete>\s+WHEN\s+NOT\s+MATCHED\s+BY\s+SOURCE\s+THEN\s+DELETE)?\s*;?\s*$", RegexOptions.Singleline)]
    private static partial Regex MergeRegex();

    [GeneratedRegex(@"\G\s*(?:AND\s+)?(?:\(T\.`(?<t>[^`]+)`\s*=\s*S\.`(?<s>[^`]+)`\s+OR\s+\(T\.`\k<t>`\s+IS\s+NULL\s+AND\s+S\.`\k<s>`\s+IS\s+NULL\)\)(?<nullsafe>)|T\.`(?<t>[^`]+)`\s*=\s*S\.`(?<s>[^`]+)`)\s*")]
    private static partial Regex KeyConditionRegex();

    private sealed record KeyCondition(string Target, string Source, bool NullSafe)
    {
        public bool Matches(FakeRow target, FakeRow source)
        {
            var (left, right) = (target.Values.GetValueOrDefault(Target), source.Values.GetValueOrDefault(Source));
            return left is null || right is null ? NullSafe && left is null && right is null : left == right;
        }
    }

    [GeneratedRegex(@"^`(?<t>[^`]+)`\s*=\s*S\.`(?<s>[^`]+)`$")]
    private static partial Regex AssignmentRegex();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex QuotedNameRegex();
}
