using System.Globalization;
using BatchSync.MySql.Results;
using BatchSync.Testing;

namespace BatchSync.MySql.Tests.Connection;

public sealed class ResultErrorAndCancellationTests
{
    [Fact]
    public async Task Error_after_some_rows_surfaces_as_server_exception_and_the_connection_survives()
    {
        var server = await SharedMariaDb.GetAsync();
        await using var connection = await MySqlConnection.OpenAsync(TestAccounts.Root(server, "mysql"), CancellationToken.None);
        var sink = new RecordingSink();

        await using (var reader = await connection.ExecuteReaderAsync(
            "SELECT seq, IF(seq = 50000, (SELECT seq UNION SELECT seq + 1), 1) FROM seq_1_to_100000", CancellationToken.None))
        {
            var error = await Assert.ThrowsAsync<MySqlServerException>(() => reader.ReadRowsAsync(sink, CancellationToken.None));
            Assert.Equal(1242, error.ErrorCode); // subquery returns more than one row
        }

        Assert.InRange(sink.Rows.Count, 1, 49999);
        Assert.Equal("7", Assert.Single(await connection.QueryAsync("SELECT 3 + 4", CancellationToken.None))[0]);
    }

    [Fact]
    public async Task Cancelling_kills_the_query_and_leaves_the_connection_idle_and_usable()
    {
        var server = await SharedMariaDb.GetAsync();
        await using var connection = await MySqlConnection.OpenAsync(TestAccounts.Root(server, "mysql"), CancellationToken.None);
        using var cancellation = new CancellationTokenSource();
        var sink = new CancelAfterRowsSink(1000, cancellation);

        // Without the kill this result would take hours to read.
        await using (var reader = await connection.ExecuteReaderAsync("SELECT seq, REPEAT('x', 200) FROM seq_1_to_1000000000", CancellationToken.None))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reader.ReadRowsAsync(sink, cancellation.Token));
        }

        Assert.Equal(1000, sink.Rows);
        Assert.Equal("ok", Assert.Single(await connection.QueryAsync("SELECT 'ok'", CancellationToken.None))[0]);
        var id = connection.ConnectionId.ToString(CultureInfo.InvariantCulture);
        var state = await server.QueryAsync($"SELECT COMMAND, COALESCE(INFO, 'none') FROM information_schema.PROCESSLIST WHERE ID = {id}");
        Assert.Equal(["Sleep", "none"], Assert.Single(state));
    }

    [Fact]
    public async Task Cancelling_before_the_first_row_kills_the_query_and_keeps_the_connection()
    {
        var server = await SharedMariaDb.GetAsync();
        var root = TestAccounts.Root(server, "mysql");
        await using var connection = await MySqlConnection.OpenAsync(
            new MySqlConnectionOptions { Host = root.Host, Port = root.Port, User = root.User, Password = root.Password, Database = "mysql", TlsMode = MySqlTlsMode.Disabled, ReadTimeout = TimeSpan.FromMinutes(2) },
            CancellationToken.None);
        using var cancellation = new CancellationTokenSource();

        // An aggregate over 10^11 generated rows: no packet arrives for hours unless the query is killed.
        var query = connection.ExecuteReaderAsync("SELECT MAX(seq * 2) FROM seq_1_to_100000000000", cancellation.Token);
        await WaitUntilRunningAsync(server, connection.ConnectionId);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => query);
        Assert.Equal("ok", Assert.Single(await connection.QueryAsync("SELECT 'ok'", CancellationToken.None))[0]);
    }

    private static async Task WaitUntilRunningAsync(MariaDbServer server, uint connectionId)
    {
        var id = connectionId.ToString(CultureInfo.InvariantCulture);
        while ((await server.QueryAsync($"SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = {id} AND INFO LIKE 'SELECT MAX%'"))[0][0] != "1")
        {
            // Polling the server's own process list; not a timing assumption.
        }
    }

    [Fact]
    public async Task A_failing_sink_stops_the_query_and_its_exception_comes_back()
    {
        var server = await SharedMariaDb.GetAsync();
        await using var connection = await MySqlConnection.OpenAsync(TestAccounts.Root(server, "mysql"), CancellationToken.None);

        await using (var reader = await connection.ExecuteReaderAsync("SELECT seq FROM seq_1_to_1000000000", CancellationToken.None))
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => reader.ReadRowsAsync(new ThrowingSink(), CancellationToken.None));
            Assert.Equal("disk full", error.Message);
        }

        Assert.Equal("1", Assert.Single(await connection.QueryAsync("SELECT 1", CancellationToken.None))[0]);
    }

    [Fact]
    public async Task Silence_longer_than_the_read_timeout_fails_naming_the_server()
    {
        var server = await SharedMariaDb.GetAsync();
        var options = TestAccounts.Root(server);
        await using var connection = await MySqlConnection.OpenAsync(
            new MySqlConnectionOptions { Host = options.Host, Port = options.Port, User = options.User, Password = options.Password, TlsMode = MySqlTlsMode.Disabled, ReadTimeout = TimeSpan.FromMilliseconds(300) },
            CancellationToken.None);

        var error = await Assert.ThrowsAsync<MySqlException>(() => connection.QueryAsync("SELECT SLEEP(20)", CancellationToken.None));

        Assert.Contains($"{options.Host}:{options.Port}", error.Message, StringComparison.Ordinal);
        Assert.Contains("sent nothing", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<MySqlException>(() => connection.QueryAsync("SELECT 1", CancellationToken.None));
    }

    [Fact]
    public async Task A_read_timeout_kills_the_silent_query_so_a_retry_does_not_run_beside_it()
    {
        var server = await SharedMariaDb.GetAsync();
        var root = TestAccounts.Root(server);
        await using var connection = await MySqlConnection.OpenAsync(root with { ReadTimeout = TimeSpan.FromMilliseconds(300) }, CancellationToken.None);
        var id = connection.ConnectionId;

        var error = await Assert.ThrowsAsync<MySqlException>(() => connection.QueryAsync("SELECT SLEEP(120) AS long_scan", CancellationToken.None));

        Assert.Contains("killed on the server", error.Message, StringComparison.Ordinal);
        await using var observer = await MySqlConnection.OpenAsync(root, CancellationToken.None);
        var running = await observer.QueryAsync(
            $"SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = {id} AND COMMAND <> 'Killed'", CancellationToken.None);
        Assert.Equal("0", running[0][0]);
    }

    private sealed class CancelAfterRowsSink(int rows, CancellationTokenSource cancellation) : ITextRowSink
    {
        public int Rows { get; private set; }

        public void WriteRow(ReadOnlySpan<byte> row)
        {
            if (++Rows == rows)
            {
                cancellation.Cancel();
            }
        }

        public ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }

    private sealed class ThrowingSink : ITextRowSink
    {
        private int _rows;

        public void WriteRow(ReadOnlySpan<byte> row)
        {
            if (++_rows == 500)
            {
                throw new InvalidOperationException("disk full");
            }
        }

        public ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
