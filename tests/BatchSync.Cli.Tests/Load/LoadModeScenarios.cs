using System.Globalization;
using static BatchSync.Cli.Tests.Load.ColumnCheck;

namespace BatchSync.Cli.Tests.Load;

/// <summary>
/// <c>batchsync run --local</c> from a real MariaDB into a destination, for every load mode; the destination is
/// compared with the source row by row, value by value. Each destination runs every scenario (the subclasses).
/// </summary>
public abstract class LoadModeScenarios : IAsyncLifetime
{
    protected static readonly DateTimeOffset November20 = new(2026, 11, 20, 1, 0, 0, TimeSpan.Zero);
    protected static readonly DateTimeOffset November21 = new(2026, 11, 21, 1, 0, 0, TimeSpan.Zero);

    private LoadSandbox _sandbox = null!;

    internal LoadSandbox Sandbox => _sandbox;

    public async Task InitializeAsync() => _sandbox = await CreateSandboxAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    internal abstract Task<LoadSandbox> CreateSandboxAsync();

    /// <summary>Checks the destination's own notion of the table's partitioning, where it has one.</summary>
    protected abstract void AssertPartitionedByDay(string table, string column);

    [Fact]
    public async Task Replace_lands_every_type_exactly_and_a_second_run_replaces_the_snapshot()
    {
        await _sandbox.SqlAsync("""
            SET time_zone = '+00:00';
            CREATE TABLE products (
              id INT PRIMARY KEY, name VARCHAR(100) NULL, note TEXT NULL, price DECIMAL(12,3) NULL, qty BIGINT NULL,
              ratio DOUBLE NULL, data VARBINARY(32) NULL, made DATETIME(6) NULL, seen TIMESTAMP(3) NULL, day DATE NULL);
            INSERT INTO products VALUES
              (1, 'plain', 'a,b "quoted"\nnext line', 12.500, 9007199254740993, 0.1, X'00FF10', '2026-01-02 03:04:05.123456', '2026-01-02 03:04:05.678', '2026-01-02'),
              (2, '', '', 0, 0, 0, X'20', '1970-01-01 00:00:00', '1970-01-01 00:00:01', '1970-01-01'),
              (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
              (4, '絵文字 😀 テスト', '  spaced  ', -99999999.999, -9223372036854775808, -1.5e300, X'DEADBEEF', '9999-12-31 23:59:59.999999', '2038-01-19 03:14:07.999', '9999-12-31'),
              (5, CONCAT('bell', CHAR(7), 'nul', CHAR(0), 'and', CHAR(1)), CONCAT('tab', CHAR(9), 'cr', CHAR(13), 'end'), 0.001, 9223372036854775807, 1e-300, X'0A0D22', '2000-02-29 12:00:00', '2000-02-29 12:00:00', '2000-02-29'),
              (6, 'NULL', '\\N', 1, -1, -0.5, X'4E554C4C', '2026-11-21 00:00:00.000001', '2026-11-21 00:00:00.001', '2026-11-21');
            """);
        await _sandbox.WriteWorkflowAsync("""
              - table: products
            """);

        var first = await _sandbox.RunAsync("replace-1");

        Assert.True(first.ExitCode == 0, first.ToString());
        await AssertProductsMatchSourceAsync();

        await _sandbox.SqlAsync("DELETE FROM products WHERE id IN (1, 3); UPDATE products SET name = 'renamed ✓' WHERE id = 2; INSERT INTO products (id, name) VALUES (7, 'new');");
        var second = await _sandbox.RunAsync("replace-2");

        Assert.True(second.ExitCode == 0, second.ToString());
        await AssertProductsMatchSourceAsync();
        Assert.Empty(_sandbox.StagingTables());
    }

    [Fact]
    public async Task Append_run_twice_lands_every_row_exactly_twice()
    {
        await _sandbox.SqlAsync("""
            CREATE TABLE clicks (id INT PRIMARY KEY, page VARCHAR(20) NOT NULL);
            INSERT INTO clicks SELECT seq, CONCAT('page-', seq) FROM seq_1_to_250;
            """);
        await _sandbox.WriteWorkflowAsync("""
              - table: clicks
                mode: append
                chunk: { rows: 100 }
            """);

        var first = await _sandbox.RunAsync("append-1");
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal(250, _sandbox.Rows("clicks").Count);

        var second = await _sandbox.RunAsync("append-2");

        Assert.True(second.ExitCode == 0, second.ToString());
        var counts = _sandbox.Rows("clicks").GroupBy(row => row["id"]).ToDictionary(g => g.Key!, g => g.Count());
        Assert.Equal(250, counts.Count);
        Assert.All(counts.Values, count => Assert.Equal(2, count));
        Assert.Empty(_sandbox.StagingTables());
    }

    [Fact]
    public async Task Merge_updates_changed_rows_inserts_new_ones_and_keeps_rows_deleted_at_the_source()
    {
        await _sandbox.SqlAsync("""
            CREATE TABLE accounts (id INT PRIMARY KEY, name VARCHAR(30) NOT NULL, balance DECIMAL(10,2) NULL);
            INSERT INTO accounts VALUES (1, 'ann', 10.00), (2, 'bob', 20.50), (3, 'cho', NULL);
            """);
        await _sandbox.WriteWorkflowAsync("""
              - table: accounts
                mode: merge
                key: [id]
            """);
        var first = await _sandbox.RunAsync("merge-1");
        Assert.True(first.ExitCode == 0, first.ToString());
        await SourceComparison.AssertSameRowsAsync(_sandbox.Run, "accounts", _sandbox.Rows("accounts"), Integer("id"), Text("name"), Decimal("balance"));

        await _sandbox.SqlAsync("""
            UPDATE accounts SET name = 'bobby', balance = 21.75 WHERE id = 2;
            DELETE FROM accounts WHERE id = 3;
            INSERT INTO accounts VALUES (4, 'dai 大', 0.01);
            """);
        var second = await _sandbox.RunAsync("merge-2");

        Assert.True(second.ExitCode == 0, second.ToString());
        var rows = _sandbox.Rows("accounts").OrderBy(r => int.Parse(r["id"]!, CultureInfo.InvariantCulture)).Select(r => $"{r["id"]}:{r["name"]}:{(r["balance"] is { } balance ? decimal.Parse(balance, CultureInfo.InvariantCulture).ToString("0.##", CultureInfo.InvariantCulture) : "NULL")}");
        Assert.Equal(["1:ann:10", "2:bobby:21.75", "3:cho:NULL", "4:dai 大:0.01"], rows);
    }

    [Fact]
    public async Task Merge_with_delete_missing_makes_the_destination_equal_the_source()
    {
        await _sandbox.SqlAsync("""
            CREATE TABLE accounts (id INT PRIMARY KEY, name VARCHAR(30) NOT NULL, balance DECIMAL(10,2) NULL);
            INSERT INTO accounts VALUES (1, 'ann', 10.00), (2, 'bob', 20.50), (3, 'cho', NULL);
            """);
        await _sandbox.WriteWorkflowAsync("""
              - table: accounts
                mode: merge
                key: [id]
                delete_missing: true
            """);
        var first = await _sandbox.RunAsync("merge-delete-1");
        Assert.True(first.ExitCode == 0, first.ToString());

        await _sandbox.SqlAsync("""
            UPDATE accounts SET balance = NULL WHERE id = 1;
            DELETE FROM accounts WHERE id = 3;
            INSERT INTO accounts VALUES (4, 'dai', 4.00), (5, 'eve', 5.00);
            """);
        var second = await _sandbox.RunAsync("merge-delete-2");

        Assert.True(second.ExitCode == 0, second.ToString());
        await SourceComparison.AssertSameRowsAsync(_sandbox.Run, "accounts", _sandbox.Rows("accounts"), Integer("id"), Text("name"), ColumnCheck.Decimal("balance"));
        Assert.Equal(4, _sandbox.Rows("accounts").Count);
    }

    [Fact]
    public async Task Delete_in_advance_replaces_the_run_dates_shard_and_leaves_other_shards_alone()
    {
        await _sandbox.SqlAsync("""
            CREATE TABLE visits (id INT PRIMARY KEY, page VARCHAR(20) NOT NULL);
            INSERT INTO visits VALUES (1, 'home'), (2, 'cart');
            """);
        await _sandbox.WriteWorkflowAsync("""
              - table: visits
                out_table: "visits_{run_date:yyyyMMdd}"
                mode: delete_in_advance
            """);
        var day1 = await _sandbox.RunAsync("shard-1", November20);
        Assert.True(day1.ExitCode == 0, day1.ToString());

        await _sandbox.SqlAsync("INSERT INTO visits VALUES (3, 'checkout');");
        var day2 = await _sandbox.RunAsync("shard-2", November21);
        Assert.True(day2.ExitCode == 0, day2.ToString());
        await _sandbox.SqlAsync("DELETE FROM visits WHERE id = 1; UPDATE visits SET page = 'basket' WHERE id = 2;");
        var day2Again = await _sandbox.RunAsync("shard-3", November21);

        Assert.True(day2Again.ExitCode == 0, day2Again.ToString());
        Assert.Equal(["1:home", "2:cart"], Pages("visits_20261120"));
        await SourceComparison.AssertSameRowsAsync(_sandbox.Run, "visits", _sandbox.Rows("visits_20261121"), Integer("id"), Text("page"));
    }

    [Fact]
    public async Task Delete_in_advance_with_a_partition_decorator_replaces_only_that_partition()
    {
        await CreateSalesAsync("(1, '2026-11-20', 5.00), (2, '2026-11-20', 6.50), (3, '2026-11-21', 7.25), (4, '2026-11-21', 8.00)");
        await WriteSalesWorkflowAsync("2026-11-20");
        var day1 = await _sandbox.RunAsync("partition-1", November20);
        Assert.True(day1.ExitCode == 0, day1.ToString());
        await WriteSalesWorkflowAsync("2026-11-21");
        var day2 = await _sandbox.RunAsync("partition-2", November21);
        Assert.True(day2.ExitCode == 0, day2.ToString());

        await _sandbox.SqlAsync("DELETE FROM sales WHERE id = 3; UPDATE sales SET amount = 9.99 WHERE id = 4; INSERT INTO sales VALUES (5, '2026-11-21', 1.00);");
        var day2Again = await _sandbox.RunAsync("partition-3", November21);

        Assert.True(day2Again.ExitCode == 0, day2Again.ToString());
        await SourceComparison.AssertSameRowsAsync(_sandbox.Run, "sales", _sandbox.Rows("sales"), Integer("id"), Date("sold_on"), Decimal("amount"));
        AssertPartitionedByDay("sales", "sold_on");
    }

    [Fact]
    public async Task Delete_in_advance_with_a_partition_decorator_refuses_rows_of_other_partitions_and_says_how_many()
    {
        await CreateSalesAsync("(1, '2026-11-20', 5.00), (2, '2026-11-21', 6.50), (3, '2026-11-22', 7.25), (4, '2026-11-21', 8.00)");
        await WriteSalesWorkflowAsync("2026-11-21");
        var filtered = await _sandbox.RunAsync("outside-1", November21);
        Assert.True(filtered.ExitCode == 0, filtered.ToString());
        await _sandbox.SqlAsync("UPDATE sales SET amount = 1.00;");
        await WriteSalesWorkflowAsync(day: null);

        var unfiltered = await _sandbox.RunAsync("outside-2", November21);

        Assert.True(unfiltered.ExitCode == 1, unfiltered.ToString());
        Assert.Contains("2 staged row(s)", unfiltered.Error, StringComparison.Ordinal);
        Assert.Contains("fall outside partition", unfiltered.Error, StringComparison.Ordinal);
        Assert.Contains("(column sold_on)", unfiltered.Error, StringComparison.Ordinal);
        Assert.Equal(["2:6.50", "4:8.00"], [.. _sandbox.Rows("sales").Select(r => $"{r["id"]}:{decimal.Parse(r["amount"]!, CultureInfo.InvariantCulture):0.00}").Order(StringComparer.Ordinal)]);
    }

    private Task CreateSalesAsync(string rows) => _sandbox.SqlAsync($"""
        CREATE TABLE sales (id INT PRIMARY KEY, sold_on DATE NOT NULL, amount DECIMAL(10,2) NOT NULL);
        INSERT INTO sales VALUES {rows};
        """);

    /// <summary>The sales table into the run date's partition, reading the rows of <paramref name="day"/> (all rows when null).</summary>
    protected Task WriteSalesWorkflowAsync(string? day) => _sandbox.WriteWorkflowAsync($$"""
          - table: sales
            out_table: "sales${run_date:yyyyMMdd}"
            mode: delete_in_advance
            partition: { column: sold_on, type: DAY }
        """ + (day is null ? "" : $"\n    where: \"sold_on = '{day}'\""));

    private List<string> Pages(string table) =>
        [.. _sandbox.Rows(table).OrderBy(r => int.Parse(r["id"]!, CultureInfo.InvariantCulture)).Select(r => $"{r["id"]}:{r["page"]}")];

    private Task AssertProductsMatchSourceAsync() => SourceComparison.AssertSameRowsAsync(
        _sandbox.Run,
        "products",
        _sandbox.Rows("products"),
        Integer("id"),
        Text("name"),
        Text("note"),
        ColumnCheck.Decimal("price"),
        Integer("qty"),
        ColumnCheck.Double("ratio"),
        Bytes("data"),
        ColumnCheck.DateTime("made"),
        Timestamp("seen"),
        Date("day"));
}
