using System.Globalization;
using static BatchSync.Cli.Tests.Load.ColumnCheck;

namespace BatchSync.Cli.Tests.Load;

/// <summary>
/// Every load mode into a real DuckDB file, plus what a real engine lets us check end to end: a resumed run lands
/// once, merge keys match NULL-safely, duplicate merge keys fail the table and leave it as it was, new columns land.
/// </summary>
public sealed class DuckDbLoadModeTests : LoadModeScenarios
{
    private DuckDbFileDestination File => (DuckDbFileDestination)Sandbox.Destination;

    internal override Task<LoadSandbox> CreateSandboxAsync() => LoadSandbox.CreateDuckDbAsync();

    /// <summary>DuckDB has no partitions: the partition column lands as a DATE, and only the decorated day was replaced (checked by the caller).</summary>
    protected override void AssertPartitionedByDay(string table, string column)
        => Assert.All(Sandbox.Rows(table), row => DateOnly.ParseExact(row[column]!, "yyyy-MM-dd", CultureInfo.InvariantCulture));

    [Fact]
    public async Task A_run_resumed_after_a_crash_lands_every_row_once_and_a_lost_landing_record_does_not_land_again()
    {
        await Sandbox.SqlAsync("""
            CREATE TABLE clicks (id INT PRIMARY KEY, page VARCHAR(20) NOT NULL);
            INSERT INTO clicks SELECT seq, CONCAT('page-', seq) FROM seq_1_to_250;
            """);
        await Sandbox.WriteWorkflowAsync("""
              - table: clicks
                mode: append
                chunk: { rows: 100 }
            """, defaults: "parallelism: 1");
        using var crash = new CancellationTokenSource();

        var crashed = await Sandbox.RunAsync("resume-1", adapters: new CrashAfterLoadAdapters(crash), cancellationToken: crash.Token);

        Assert.True(crashed.ExitCode == 130, crashed.ToString());
        Assert.Empty(Sandbox.Rows("clicks"));
        var resumed = await Sandbox.RunAsync("resume-1");
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        await SourceComparison.AssertSameRowsAsync(Sandbox.Run, "clicks", Sandbox.Rows("clicks"), Integer("id"), Text("page"));

        // As if the process died between committing the landing and writing landed.json.
        System.IO.File.Delete(Path.Combine(Sandbox.Run.RunFolder("resume-1"), "tables", "clicks", "landed.json"));
        var again = await Sandbox.RunAsync("resume-1");

        Assert.True(again.ExitCode == 0, again.ToString());
        await SourceComparison.AssertSameRowsAsync(Sandbox.Run, "clicks", Sandbox.Rows("clicks"), Integer("id"), Text("page"));
        Assert.Equal(["shop.clicks:append:250"], File.Landings("resume-1"));
    }

    [Fact]
    public async Task Merge_matches_null_keys_to_each_other_instead_of_inserting_them_again()
    {
        await Sandbox.SqlAsync("""
            CREATE TABLE contacts (id INT PRIMARY KEY, region VARCHAR(10) NULL, email VARCHAR(30) NULL, name VARCHAR(30) NOT NULL);
            INSERT INTO contacts VALUES (1, 'eu', 'ann@example.com', 'ann'), (2, NULL, 'bob@example.com', 'bob'), (3, NULL, NULL, 'nobody');
            """);
        await Sandbox.WriteWorkflowAsync("""
              - table: contacts
                mode: merge
                key: [region, email]
            """);
        var first = await Sandbox.RunAsync("null-keys-1");
        Assert.True(first.ExitCode == 0, first.ToString());

        await Sandbox.SqlAsync("UPDATE contacts SET name = CONCAT(name, ' 2') WHERE id IN (2, 3); INSERT INTO contacts VALUES (4, 'us', NULL, 'dee');");
        var second = await Sandbox.RunAsync("null-keys-2");

        Assert.True(second.ExitCode == 0, second.ToString());
        await SourceComparison.AssertSameRowsAsync(Sandbox.Run, "contacts", Sandbox.Rows("contacts"), Integer("id"), Text("region"), Text("email"), Text("name"));
    }

    [Fact]
    public async Task Duplicate_merge_keys_fail_the_table_with_the_keys_named_and_leave_it_unchanged()
    {
        await Sandbox.SqlAsync("""
            CREATE TABLE people (id INT PRIMARY KEY, email VARCHAR(30) NULL, name VARCHAR(30) NOT NULL);
            INSERT INTO people VALUES (1, 'ann@example.com', 'ann'), (2, 'bob@example.com', 'bob');
            """);
        await Sandbox.WriteWorkflowAsync("""
              - table: people
                mode: merge
                key: [email]
            """);
        var first = await Sandbox.RunAsync("dup-1");
        Assert.True(first.ExitCode == 0, first.ToString());
        var before = Names();

        await Sandbox.SqlAsync("UPDATE people SET name = 'robert' WHERE id = 2; INSERT INTO people VALUES (3, 'ann@example.com', 'ann again'), (4, NULL, 'x'), (5, NULL, 'y');");
        var second = await Sandbox.RunAsync("dup-2");

        Assert.True(second.ExitCode == 1, second.ToString());
        var report = Sandbox.Run.ReadJson("dup-2", "report.json")["tables"]![0]!;
        Assert.Equal("failed", report["outcome"]!.GetValue<string>());
        var error = report["errors"]![0]!.GetValue<string>();
        Assert.Contains("not unique", error, StringComparison.Ordinal);
        Assert.Contains("(ann@example.com) × 2", error, StringComparison.Ordinal);
        Assert.Contains("(NULL) × 2", error, StringComparison.Ordinal);
        Assert.Equal(before, Names());
    }

    [Fact]
    public async Task A_new_source_column_is_added_to_the_table_and_earlier_rows_keep_null_there()
    {
        await Sandbox.SqlAsync("""
            CREATE TABLE events (id INT PRIMARY KEY, kind VARCHAR(10) NOT NULL);
            INSERT INTO events VALUES (1, 'open'), (2, 'close');
            """);
        await Sandbox.WriteWorkflowAsync("""
              - table: events
                mode: append
            """);
        var first = await Sandbox.RunAsync("evolve-1");
        Assert.True(first.ExitCode == 0, first.ToString());

        await Sandbox.SqlAsync("ALTER TABLE events ADD COLUMN weight DECIMAL(6,2) NULL; DELETE FROM events; INSERT INTO events VALUES (3, 'open', 1.25);");
        var second = await Sandbox.RunAsync("evolve-2");

        Assert.True(second.ExitCode == 0, second.ToString());
        var rows = Sandbox.Rows("events").OrderBy(r => r["id"], StringComparer.Ordinal).Select(r => $"{r["id"]}:{r["kind"]}:{r["weight"] ?? "NULL"}");
        Assert.Equal(["1:open:NULL", "2:close:NULL", "3:open:1.250000000"], rows);
    }

    [Fact]
    public async Task Json_time_bignumeric_and_geometry_land_as_their_documented_duckdb_types()
    {
        await Sandbox.SqlAsync("""
            CREATE TABLE shapes (id INT PRIMARY KEY, doc JSON NULL, opens TIME NULL, huge DECIMAL(40,5) NULL, spot POINT NULL, ok BIT(1) NULL);
            INSERT INTO shapes VALUES (1, '{"a": [1, "x"]}', '08:30:00', 12345678901234567890123456789012345.12345, ST_GeomFromText('POINT(1 2)'), 1),
                                      (2, NULL, NULL, NULL, NULL, NULL);
            """);
        await Sandbox.WriteWorkflowAsync("""
              - table: shapes
            """);

        var result = await Sandbox.RunAsync("types-1");

        Assert.True(result.ExitCode == 0, result.ToString());
        var rows = Sandbox.Rows("shapes").OrderBy(r => r["id"], StringComparer.Ordinal).ToList();
        Assert.Equal("""{"a": [1, "x"]}""", rows[0]["doc"]);
        Assert.Equal("08:30:00", rows[0]["opens"]);
        Assert.Equal("12345678901234567890123456789012345.12345", rows[0]["huge"]);
        Assert.Equal("POINT(1 2)", rows[0]["spot"]);
        Assert.Equal("true", rows[0]["ok"]);
        Assert.All(rows[1].Where(p => p.Key != "id"), p => Assert.Null(p.Value));
    }

    private List<string> Names() => [.. Sandbox.Rows("people").Select(r => $"{r["id"]}:{r["email"] ?? "NULL"}:{r["name"]}").Order(StringComparer.Ordinal)];
}
