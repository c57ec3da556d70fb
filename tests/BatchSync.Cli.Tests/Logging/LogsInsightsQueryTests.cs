using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BatchSync.Cli.Tests.Run;

namespace BatchSync.Cli.Tests.Logging;

/// <summary>
/// The CloudWatch Logs Insights queries in docs/operations.md, run against the JSON events of a real run with a
/// failed item: each query's equality filters must select events, and every field it reads must be on them.
/// </summary>
public sealed partial class LogsInsightsQueryTests : IAsyncLifetime
{
    private RunSandbox _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await RunSandbox.CreateAsync();

    public Task DisposeAsync()
    {
        _sandbox.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Every_documented_query_finds_events_that_have_the_fields_it_reads()
    {
        await _sandbox.SqlAsync("""
            CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(50) NOT NULL);
            INSERT INTO customers SELECT seq, CONCAT('customer ', seq) FROM seq_1_to_30;
            CREATE TABLE shipments (id INT PRIMARY KEY, shipped_on DATE NULL);
            SET SESSION sql_mode = '';
            INSERT INTO shipments VALUES (1, '2026-01-02'), (2, '0000-00-00');
            """);
        await _sandbox.WriteWorkflowAsync("""
              - table: customers
              - table: shipments
                zero_dates: fail
            """);
        var result = await _sandbox.RunAsync("--run-id", "insights-1");
        Assert.True(result.ExitCode == 1, result.ToString());
        var events = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!.AsObject()).ToList();
        Assert.All(events, e => Assert.NotNull(e["@t"]));

        var queries = Queries(await File.ReadAllTextAsync(Path.Combine(Validate.ValidateProcessTests.RepositoryRoot(), "docs", "operations.md")));

        Assert.True(queries.Count >= 4, $"found {queries.Count} queries");
        foreach (var query in queries)
        {
            var text = query.Replace("RUN_ID", "insights-1", StringComparison.Ordinal).Replace("WORKFLOW", "shop", StringComparison.Ordinal);
            var filters = Filter().Matches(text).Select(m => (m.Groups["field"].Value, m.Groups["value"].Value)).ToList();
            Assert.Contains(filters, f => f.Item1 == "event");
            var selected = events.Where(e => filters.All(f => e[f.Item1]?.ToString() == f.Item2)).ToList();
            Assert.True(selected.Count > 0, $"no event matches the filters of:\n{query}");
            foreach (var field in FieldsRead(text))
            {
                Assert.True(selected.Any(e => e.ContainsKey(field)), $"no event selected by this query has '{field}':\n{query}");
            }
        }
    }

    [Fact]
    public async Task A_failed_item_is_an_error_event_with_the_run_lane_table_item_step_and_message()
    {
        await _sandbox.SqlAsync("""
            CREATE TABLE shipments (id INT PRIMARY KEY, shipped_on DATE NULL);
            SET SESSION sql_mode = '';
            INSERT INTO shipments VALUES (1, '0000-00-00');
            """);
        await _sandbox.WriteWorkflowAsync("""
              - table: shipments
                zero_dates: fail
            """);

        var result = await _sandbox.RunAsync("--run-id", "insights-2");

        var failed = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!)
            .Single(e => e["event"]?.GetValue<string>() == "item_finished");
        Assert.Equal("Error", failed["@l"]!.GetValue<string>());
        Assert.Equal(("shop", "insights-2", "shipments", "00000", 0, "extract"), (failed["workflow"]!.GetValue<string>(), failed["run_id"]!.GetValue<string>(), failed["table"]!.GetValue<string>(), failed["item"]!.GetValue<string>(), failed["lane"]!.GetValue<int>(), failed["step"]!.GetValue<string>()));
        Assert.Contains("shipped_on", failed["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(BatchSync.Testing.MariaDbServer.RootPassword, result.Output, StringComparison.Ordinal);
    }

    private static List<string> Queries(string markdown)
        => QueryBlock().Matches(markdown).Select(m => m.Groups["query"].Value).ToList();

    /// <summary>Fields a query reads: its <c>fields</c>, <c>sort</c> key, and the arguments and groups of <c>stats</c>; not @-fields or aliases.</summary>
    private static IEnumerable<string> FieldsRead(string query)
    {
        var aliases = Alias().Matches(query).Select(m => m.Groups["alias"].Value).ToHashSet();
        foreach (var command in query.Split('|').Select(c => c.Trim()))
        {
            var words = command.Split(' ', 2);
            var names = words[0] switch
            {
                "fields" => words[1].Split(',').Select(f => f.Trim()),
                "sort" => [words[1].Split(' ')[0]],
                "stats" => StatsArgument().Matches(words[1]).Select(m => m.Groups["field"].Value)
                    .Concat(words[1].Contains(" by ", StringComparison.Ordinal) ? words[1][(words[1].LastIndexOf(" by ", StringComparison.Ordinal) + 4)..].Split(',').Select(f => f.Trim()) : []),
                _ => [],
            };
            foreach (var name in names.Where(n => !n.StartsWith('@') && !aliases.Contains(n)))
            {
                yield return name;
            }
        }
    }

    [GeneratedRegex("```logs-insights\n(?<query>.*?)```", RegexOptions.Singleline)]
    private static partial Regex QueryBlock();

    [GeneratedRegex("(?<field>[a-z_]+) = \"(?<value>[^\"]*)\"")]
    private static partial Regex Filter();

    [GeneratedRegex(@" as (?<alias>[a-z_]+)")]
    private static partial Regex Alias();

    [GeneratedRegex(@"[a-z]+\((?<field>[a-z_]+)\)")]
    private static partial Regex StatsArgument();
}
