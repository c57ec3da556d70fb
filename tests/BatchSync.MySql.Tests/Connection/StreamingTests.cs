using System.Text;
using BatchSync.MySql.Protocol;
using BatchSync.Testing;

namespace BatchSync.MySql.Tests.Connection;

public sealed class StreamingTests
{
    [Fact]
    public async Task Rows_with_nulls_empty_strings_and_large_values_arrive_byte_exact()
    {
        var server = await SharedMariaDb.GetAsync();
        var database = await SharedMariaDb.CreateDatabaseAsync("rows");
        await server.ExecuteAsync(
            "CREATE TABLE t (id INT UNSIGNED PRIMARY KEY, s VARCHAR(20) NULL, b LONGBLOB NULL);" +
            "INSERT INTO t VALUES (1, NULL, NULL), (2, '', ''), (3, 'ä\\t\"x', REPEAT('ab', 100000)), (4, 'z', REPEAT(CHAR(254), 70000));" +
            "INSERT INTO t SELECT seq + 10, CONCAT('r', seq), REPEAT('q', seq % 300) FROM seq_1_to_5000;", database);
        await using var connection = await MySqlConnection.OpenAsync(TestAccounts.Root(server, database), CancellationToken.None);

        await using var reader = await connection.ExecuteReaderAsync("SELECT id, s, b FROM t ORDER BY id", CancellationToken.None);
        var sink = new RecordingSink();
        var count = await reader.ReadRowsAsync(sink, CancellationToken.None);

        Assert.Equal(5004, count);
        Assert.Equal(["id", "s", "b"], reader.Columns.Select(c => c.Name));
        Assert.True(reader.Columns[0].IsUnsigned);
        Assert.Equal(ColumnType.Long, reader.Columns[0].Type);
        Assert.True(reader.Columns[2].IsBinary);
        Assert.Equal("t", reader.Columns[1].OriginalTable);
        var rows = sink.Rows.Select(r => RecordingSink.Fields(r, 3)).ToList();
        Assert.Equal([Encoding.ASCII.GetBytes("1"), null, null], rows[0]);
        Assert.Equal([Encoding.ASCII.GetBytes("2"), [], []], rows[1]);
        Assert.Equal(Encoding.UTF8.GetBytes("ä\t\"x"), rows[2][1]);
        Assert.Equal(Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("ab", 100000))), rows[2][2]);
        Assert.Equal(Enumerable.Repeat((byte)254, 70000), rows[3][2]!);
        Assert.Equal(Encoding.ASCII.GetBytes(new string('q', 5000 % 300)), rows[^1][2]);
        Assert.Equal(Encoding.ASCII.GetBytes("5010"), rows[^1][0]);
    }

    [Fact]
    public async Task Connection_is_reusable_after_a_reader_is_disposed_unread()
    {
        var server = await SharedMariaDb.GetAsync();
        await using var connection = await MySqlConnection.OpenAsync(TestAccounts.Root(server, "mysql"), CancellationToken.None);

        await using (var reader = await connection.ExecuteReaderAsync("SELECT seq, REPEAT('x', 100) FROM seq_1_to_200000", CancellationToken.None))
        {
            Assert.Equal(2, reader.Columns.Count);
        }

        var rows = await connection.QueryAsync("SELECT 40 + 2", CancellationToken.None);
        Assert.Equal("42", Assert.Single(rows)[0]);
    }

    [Fact]
    public async Task Server_error_during_a_statement_is_a_server_exception_and_the_connection_survives()
    {
        var server = await SharedMariaDb.GetAsync();
        await using var connection = await MySqlConnection.OpenAsync(TestAccounts.Root(server), CancellationToken.None);

        var error = await Assert.ThrowsAsync<MySqlServerException>(() => connection.QueryAsync("SELECT * FROM mysql.no_such_table", CancellationToken.None));
        Assert.Equal(1146, error.ErrorCode);
        Assert.Equal("42S02", error.SqlState);

        Assert.Equal("1", Assert.Single(await connection.QueryAsync("SELECT 1", CancellationToken.None))[0]);
    }
}
