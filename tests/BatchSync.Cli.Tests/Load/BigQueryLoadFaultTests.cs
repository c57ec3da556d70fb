using System.Globalization;
using static BatchSync.Cli.Tests.Load.ColumnCheck;

namespace BatchSync.Cli.Tests.Load;

/// <summary>Runs that meet trouble on the BigQuery side: a crash mid-load, transient errors, rejected data, a misconfigured destination.</summary>
public sealed class BigQueryLoadFaultTests : IAsyncLifetime
{
    private LoadSandbox _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await LoadSandbox.CreateAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task A_crash_after_the_load_job_was_inserted_is_resumed_without_loading_any_row_twice()
    {
        await _sandbox.SqlAsync("""
            CREATE TABLE orders (id INT PRIMARY KEY, total DECIMAL(8,2) NOT NULL);
            INSERT INTO orders SELECT seq, seq / 8 FROM seq_1_to_500;
            """);
        await _sandbox.WriteWorkflowAsync("""
              - table: orders
                mode: append
            """, defaults: "parallelism: 1");
        using var crash = new CancellationTokenSource();

        var crashed = await _sandbox.RunAsync("crash-1", adapters: new CrashAfterLoadAdapters(crash), cancellationToken: crash.Token);

        Assert.True(crashed.ExitCode == 130, crashed.ToString());
        Assert.False(_sandbox.HasTable("orders") && _sandbox.Rows("orders").Count > 0, "nothing may land before finish");
        var uploadsBefore = UploadSessions();
        Assert.True(uploadsBefore >= 1, "the crashed attempt never started a load job");

        var resumed = await _sandbox.RunAsync("crash-1");

        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Equal(uploadsBefore, UploadSessions());
        await SourceComparison.AssertSameRowsAsync(_sandbox.Run, "orders", _sandbox.Rows("orders"), Integer("id"), ColumnCheck.Decimal("total"));
    }

    [Fact]
    public async Task Rate_limits_and_backend_errors_are_retried_and_every_row_lands_once()
    {
        await _sandbox.SqlAsync("""
            CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(20) NOT NULL);
            INSERT INTO users SELECT seq, CONCAT('user ', seq) FROM seq_1_to_40;
            """);
        await _sandbox.WriteWorkflowAsync("""
              - table: users
                mode: append
            """, defaults: "parallelism: 1");
        _sandbox.BigQuery.Faults.FailNext("/jobs", 1, 403, "rateLimitExceeded");
        _sandbox.BigQuery.Faults.FailNext("/jobs", 1, 500, "backendError");
        _sandbox.BigQuery.Faults.FailNext("/tables", 1, 503, "backendError");

        var result = await _sandbox.RunAsync("retry-1");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(3, _sandbox.BigQuery.Faults.Injected);
        await SourceComparison.AssertSameRowsAsync(_sandbox.Run, "users", _sandbox.Rows("users"), Integer("id"), Text("name"));
    }

    [Fact]
    public async Task Rejected_rows_fail_their_table_with_BigQuerys_message_leave_its_destination_as_it_was_and_other_tables_land()
    {
        await _sandbox.SqlAsync("""
            CREATE TABLE documents (id INT PRIMARY KEY, body VARCHAR(100) NOT NULL);
            INSERT INTO documents VALUES (1, '{"a": 1}'), (2, '[1, 2]');
            CREATE TABLE tags (id INT PRIMARY KEY, tag VARCHAR(20) NOT NULL);
            INSERT INTO tags VALUES (1, 'red'), (2, 'blue');
            """);
        await _sandbox.WriteWorkflowAsync("""
              - table: documents
                columns:
                  body: { type: JSON }
              - table: tags
            """);
        var first = await _sandbox.RunAsync("json-1");
        Assert.True(first.ExitCode == 0, first.ToString());
        var documentsBefore = RowTexts("documents");

        await _sandbox.SqlAsync("INSERT INTO documents VALUES (3, '{not json'); INSERT INTO tags VALUES (3, 'green');");
        var second = await _sandbox.RunAsync("json-2");

        Assert.True(second.ExitCode == 1, second.ToString());
        Assert.Contains("Invalid JSON", second.Error, StringComparison.Ordinal);
        Assert.Contains("documents", second.Error, StringComparison.Ordinal);
        Assert.Equal(documentsBefore, RowTexts("documents"));
        Assert.Equal(2, documentsBefore.Count);
        await SourceComparison.AssertSameRowsAsync(_sandbox.Run, "tags", _sandbox.Rows("tags"), Integer("id"), Text("tag"));
    }

    [Fact]
    public async Task A_dataset_in_another_location_stops_the_run_before_any_lane_starts()
    {
        await _sandbox.SqlAsync("CREATE TABLE users (id INT PRIMARY KEY); INSERT INTO users VALUES (1);");
        _sandbox.BigQuery.AddDataset(LoadSandbox.Project, LoadSandbox.Dataset, "US");
        await _sandbox.WriteWorkflowAsync("""
              - table: users
            """);

        var result = await _sandbox.RunAsync("location-1");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("destination.location", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("\"item_started\"", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(" at BatchSync", result.Error, StringComparison.Ordinal);
        Assert.False(_sandbox.HasTable("users"));
    }

    [Fact]
    public async Task A_schema_conflict_fails_only_its_table_and_leaves_its_destination_as_it_was()
    {
        await _sandbox.SqlAsync("""
            CREATE TABLE prices (id INT PRIMARY KEY, amount INT NOT NULL);
            INSERT INTO prices VALUES (1, 100), (2, 200);
            CREATE TABLE tags (id INT PRIMARY KEY, tag VARCHAR(20) NOT NULL);
            INSERT INTO tags VALUES (1, 'red');
            """);
        await _sandbox.WriteWorkflowAsync("""
              - table: prices
              - table: tags
            """);
        var first = await _sandbox.RunAsync("conflict-1");
        Assert.True(first.ExitCode == 0, first.ToString());
        var pricesBefore = RowTexts("prices");

        await _sandbox.SqlAsync("ALTER TABLE prices MODIFY amount VARCHAR(10) NOT NULL; UPDATE prices SET amount = 'n/a' WHERE id = 2; INSERT INTO tags VALUES (2, 'blue');");
        var second = await _sandbox.RunAsync("conflict-2");

        Assert.True(second.ExitCode == 1, second.ToString());
        Assert.Contains("amount", second.Error, StringComparison.Ordinal);
        Assert.Contains("INT64", second.Error, StringComparison.Ordinal);
        Assert.Equal(pricesBefore, RowTexts("prices"));
        await SourceComparison.AssertSameRowsAsync(_sandbox.Run, "tags", _sandbox.Rows("tags"), Integer("id"), Text("tag"));
    }

    private int UploadSessions() => _sandbox.BigQuery.Requests.Count(r => r.StartsWith("POST /upload/", StringComparison.Ordinal));

    private List<string> RowTexts(string table) =>
        [.. _sandbox.Rows(table).OrderBy(r => int.Parse(r["id"]!, CultureInfo.InvariantCulture)).Select(r => string.Join("|", r.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")))];
}
