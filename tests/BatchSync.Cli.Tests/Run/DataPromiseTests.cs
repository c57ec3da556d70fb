using System.Globalization;

namespace BatchSync.Cli.Tests.Run;

/// <summary>
/// The data promises of docs/type-mapping.md and docs/workflow-reference.md, run end to end against a real MariaDB:
/// defaults never lose a value, renames rename everywhere, overrides that would change values are refused, a where
/// is a condition (comments included), chunks follow where the rows are.
/// </summary>
public sealed class DataPromiseTests : IAsyncLifetime
{
    private RunSandbox _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await RunSandbox.CreateAsync();

    public Task DisposeAsync()
    {
        _sandbox.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Defaults_never_lose_a_value_a_FLOAT_is_staged_as_the_exact_32_bit_value()
    {
        // The server prints FLOAT with 6 significant digits (16777216 → 16777200): compare with the exact floats.
        float[] values = [16777216f, 21666.66015625f, 0.1f, 3.4028235e38f, -1.17549435e-38f, 1.4e-45f, 123456.79f, -0.0f];
        var rows = string.Join(", ", values.Select((v, i) => string.Create(CultureInfo.InvariantCulture, $"({i + 1}, {(double)v:R})")));
        await _sandbox.SqlAsync($"""
            CREATE TABLE readings (id INT PRIMARY KEY, f FLOAT NULL, f_unsigned FLOAT UNSIGNED NULL);
            INSERT INTO readings (id, f) VALUES {rows};
            UPDATE readings SET f_unsigned = ABS(f);
            INSERT INTO readings VALUES (99, NULL, NULL);
            """);
        await _sandbox.WriteWorkflowAsync("""
              - table: readings
            """);

        var result = await _sandbox.RunAsync("--run-id", "float-1");

        Assert.True(result.ExitCode == 0, result.ToString());
        var staged = (await _sandbox.StagedLinesAsync("float-1", "readings"))
            .Select(line => line.Split(','))
            .ToDictionary(f => int.Parse(f[0], CultureInfo.InvariantCulture));
        for (var i = 0; i < values.Length; i++)
        {
            var text = staged[i + 1][1];
            Assert.True(double.Parse(text, CultureInfo.InvariantCulture) == values[i], $"FLOAT {values[i]:R} was staged as '{text}'");
            Assert.True(double.Parse(staged[i + 1][2], CultureInfo.InvariantCulture) == Math.Abs(values[i]), $"FLOAT UNSIGNED {Math.Abs(values[i]):R} was staged as '{staged[i + 1][2]}'");
        }

        Assert.Equal(["", ""], staged[99][1..]);
        var schema = _sandbox.ReadJson("float-1", "tables/readings/schema.json").AsArray();
        Assert.Equal("FLOAT64", schema[1]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_column_rename_renames_everywhere_schema_csv_key_and_names_BigQuery_reserves()
    {
        await _sandbox.SqlAsync("""
            CREATE TABLE metrics (v INT PRIMARY KEY, `_PARTITIONTIME` DATE NULL, note VARCHAR(10) NULL);
            INSERT INTO metrics VALUES (1, '2026-01-01', 'a'), (2, NULL, 'b');
            """);
        await _sandbox.WriteWorkflowAsync("""
              - table: metrics
                mode: merge
                key: [v]
                columns:
                  v: { name: vv }
                  _PARTITIONTIME: { name: pt }
              - table: metrics
                out_table: metrics_selected
                select: "note, v"
                columns:
                  v: { name: value_id, type: STRING }
            """);

        var validate = await CliInvocation.RunAsync(["validate", _sandbox.WorkflowPath]);
        var result = await _sandbox.RunAsync("--run-id", "rename-1");

        Assert.True(validate.ExitCode == 0, validate.ToString());
        Assert.True(result.ExitCode == 0, result.ToString());
        var schema = _sandbox.ReadJson("rename-1", "tables/metrics/schema.json").AsArray();
        Assert.Equal(["vv", "pt", "note"], schema.Select(f => f!["name"]!.GetValue<string>()));
        Assert.Equal(["1,2026-01-01,a", "2,,b"], (await _sandbox.StagedLinesAsync("rename-1", "metrics")).Order(StringComparer.Ordinal));
        var table = _sandbox.Manifest("rename-1")["tables"]!.AsArray().First(t => t!["out_table"]!.GetValue<string>() == "metrics")!;
        Assert.Equal(["vv"], table["key"]!.AsArray().Select(k => k!.GetValue<string>()));
        var load = _sandbox.ReadJson("rename-1", "tables/metrics/load.json")["configuration"]!["load"]!;
        Assert.Equal(["vv", "pt", "note"], load["schema"]!["fields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()));

        var selected = _sandbox.ReadJson("rename-1", "tables/metrics_selected/schema.json").AsArray();
        Assert.Equal(["note:STRING", "value_id:STRING"], selected.Select(f => $"{f!["name"]}:{f["type"]}"));
        Assert.Equal(["a,1", "b,2"], (await _sandbox.StagedLinesAsync("rename-1", "metrics_selected")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_type_override_that_cannot_hold_every_value_is_refused_at_plan_with_the_reason()
    {
        await _sandbox.SqlAsync("""
            CREATE TABLE amounts (id INT PRIMARY KEY, rate DECIMAL(20,12) NULL, ratio DOUBLE NULL, big BIGINT UNSIGNED NULL, flags BIT(64) NULL, small DECIMAL(10,2) NULL);
            """);
        await _sandbox.WriteWorkflowAsync("""
              - table: amounts
                out_table: a_rate
                columns: { rate: { type: NUMERIC } }
              - table: amounts
                out_table: a_ratio
                columns: { ratio: { type: NUMERIC } }
              - table: amounts
                out_table: a_big
                columns: { big: { type: INT64 } }
              - table: amounts
                out_table: a_flags
                columns: { flags: { type: INT64 } }
              - table: amounts
                out_table: a_fine
                columns: { small: { type: NUMERIC }, big: { type: BIGNUMERIC } }
            """);

        var plan = await CliInvocation.RunAsync(["plan", _sandbox.WorkflowPath]);

        Assert.True(plan.ExitCode == 1, plan.ToString());
        var text = plan.Output + plan.Error;
        Assert.Contains("'rate'", text, StringComparison.Ordinal);
        Assert.Contains("9 fractional digits", text, StringComparison.Ordinal);
        Assert.Contains("'ratio'", text, StringComparison.Ordinal);
        Assert.Contains("'big'", text, StringComparison.Ordinal);
        Assert.Contains("18446744073709551615", text, StringComparison.Ordinal);
        Assert.Contains("'flags'", text, StringComparison.Ordinal);
        Assert.DoesNotContain("'small'", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id > 2 -- every row but the first two")]
    [InlineData("id > 2 # MySQL's other line comment")]
    public async Task A_where_ending_in_a_line_comment_is_still_just_a_condition(string where)
    {
        await CreateNotesAsync();
        await _sandbox.WriteWorkflowAsync($$"""
              - table: notes
                where: "{{where}}"
              - table: notes
                out_table: notes_chunked
                where: "{{where}}"
                chunk: { rows: 10 }
            """);

        var plan = await CliInvocation.RunAsync(["plan", _sandbox.WorkflowPath]);
        var result = await _sandbox.RunAsync("--run-id", "comment-1");

        Assert.True(plan.ExitCode == 0, plan.ToString());
        Assert.True(result.ExitCode == 0, result.ToString());
        var expected = Enumerable.Range(3, 28).ToList();
        Assert.Equal(expected, (await _sandbox.StagedLinesAsync("comment-1", "notes")).Select(l => int.Parse(l.Split(',')[0], CultureInfo.InvariantCulture)).Order());
        Assert.Equal(expected, (await _sandbox.StagedLinesAsync("comment-1", "notes_chunked")).Select(l => int.Parse(l.Split(',')[0], CultureInfo.InvariantCulture)).Order());
    }

    [Theory]
    [InlineData("-- the rest of the line is a comment")]
    [InlineData("# MySQL's other line comment")]
    public async Task The_plan_time_probe_reads_no_row_even_when_the_where_ends_in_a_line_comment(string comment)
    {
        await CreateNotesAsync();
        // On any row this condition is an error (a correlated subquery that returns two rows), so a probe that read even
        // one row, as it did when the comment swallowed its LIMIT 0, would fail the table at plan time.
        await _sandbox.WriteWorkflowAsync($$"""
              - table: notes
                where: "(SELECT 1 FROM seq_1_to_2 WHERE seq > notes.id - notes.id) = 1 {{comment}}"
            """);

        var plan = await CliInvocation.RunAsync(["plan", _sandbox.WorkflowPath]);

        Assert.True(plan.ExitCode == 0, plan.ToString());
        Assert.DoesNotContain("more than 1 row", plan.Output + plan.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chunks_of_a_skewed_key_are_balanced_and_the_report_shows_estimated_and_read_rows_per_item()
    {
        await _sandbox.SqlAsync("""
            CREATE TABLE clicks (id BIGINT PRIMARY KEY, n INT NOT NULL);
            INSERT INTO clicks SELECT seq, seq % 7 FROM seq_1_to_100000;
            INSERT INTO clicks VALUES (1000000000000, 0);
            ANALYZE TABLE clicks;
            """);
        await _sandbox.WriteWorkflowAsync("""
              - table: clicks
                chunk: { rows: 10000 }
            """);

        var result = await _sandbox.RunAsync("--run-id", "skew-1");

        Assert.True(result.ExitCode == 0, result.ToString());
        var items = _sandbox.ReadJson("skew-1", "report.json")["tables"]![0]!["items"]!.AsArray();
        Assert.InRange(items.Count, 6, 25);
        var read = items.Select(i => i!["rows"]!.GetValue<long>()).ToList();
        Assert.Equal(100_001, read.Sum());
        Assert.True(read.Max() <= 20_000, $"items read {string.Join(", ", read)} rows: not balanced");
        Assert.All(items, i => Assert.True(i!["estimated_rows"]!.GetValue<long>() > 0));
        var html = await File.ReadAllTextAsync(Path.Combine(_sandbox.RunFolder("skew-1"), "report.html"));
        Assert.Contains("rows per item (estimated → read)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_source_table_whose_name_contains_a_dot_is_copied_when_its_database_is_named()
    {
        await _sandbox.SqlAsync("""
            CREATE TABLE `a.b` (id INT PRIMARY KEY);
            INSERT INTO `a.b` VALUES (1), (2);
            """);
        await _sandbox.WriteWorkflowAsync($"""
              - table: a.b
                database: {_sandbox.Database}
                out_table: a_b
            """);

        var result = await _sandbox.RunAsync("--run-id", "dot-1");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["1", "2"], (await _sandbox.StagedLinesAsync("dot-1", "a_b")).Order(StringComparer.Ordinal));
    }

    /// <summary>A table of 30 notes, ids 1 to 30.</summary>
    private Task CreateNotesAsync() => _sandbox.SqlAsync("""
        CREATE TABLE notes (id INT PRIMARY KEY, body VARCHAR(20) NOT NULL);
        INSERT INTO notes SELECT seq, CONCAT('note ', seq) FROM seq_1_to_30;
        """);
}
