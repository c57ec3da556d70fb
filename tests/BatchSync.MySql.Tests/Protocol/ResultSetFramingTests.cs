using System.Net;
using System.Text;

namespace BatchSync.MySql.Tests.Protocol;

/// <summary>Result-set framings a real MariaDB does not produce on demand: EOF packets, multiple results, byte-sized reads.</summary>
public sealed class ResultSetFramingTests
{
    private const ushort MoreResultsExist = 0x0008;
    private const ushort AutoCommit = 0x0002;

    [Fact]
    public async Task Eof_terminated_result_sets_work_without_deprecate_eof()
    {
        const uint capabilities = FakeMySqlServer.DefaultCapabilities & ~FakeMySqlServer.DeprecateEof;
        await using var server = FakeMySqlServer.Start("mysql_native_password", async (connection, response) =>
        {
            Assert.Equal(0u, response.Capabilities & FakeMySqlServer.DeprecateEof);
            await connection.WriteOkAsync();
            await connection.ServeCommandsAsync(async (c, sql) =>
            {
                if (sql != "SELECT rows")
                {
                    return false;
                }

                await c.WritePacketAsync([2]);
                await c.WritePacketAsync(ColumnDefinition("id"));
                await c.WritePacketAsync(ColumnDefinition("name"));
                await c.WritePacketAsync(Eof(AutoCommit));
                await c.WritePacketAsync(Row("1", "one"));
                await c.WritePacketAsync(Row("2", null));
                await c.WritePacketAsync(Eof(AutoCommit));
                return true;
            });
        }, capabilities);

        await using (var client = await MySqlConnection.OpenAsync(Options(server.Port), CancellationToken.None))
        {
            var rows = await client.QueryAsync("SELECT rows", CancellationToken.None);
            Assert.Equal([["1", "one"], ["2", null]], rows);
            Assert.Equal(0, await client.ExecuteAsync("SET @x = 1", CancellationToken.None));
        }

        await server.Completion;
    }

    [Fact]
    public async Task Further_result_sets_are_drained_after_the_first()
    {
        await using var server = FakeMySqlServer.Start("mysql_native_password", async (connection, _) =>
        {
            await connection.WriteOkAsync();
            await connection.ServeCommandsAsync(async (c, sql) =>
            {
                if (sql != "CALL two_results()")
                {
                    return false;
                }

                await c.WritePacketAsync([1]);
                await c.WritePacketAsync(ColumnDefinition("a"));
                await c.WritePacketAsync(Row("first"));
                await c.WritePacketAsync(OkEnd(AutoCommit | MoreResultsExist));
                await c.WritePacketAsync([1]);
                await c.WritePacketAsync(ColumnDefinition("b"));
                await c.WritePacketAsync(Row("second"));
                await c.WritePacketAsync(OkEnd(AutoCommit | MoreResultsExist));
                await c.WriteOkAsync();
                return true;
            });
        });

        await using (var client = await MySqlConnection.OpenAsync(Options(server.Port), CancellationToken.None))
        {
            Assert.Equal([["first"]], await client.QueryAsync("CALL two_results()", CancellationToken.None));
            Assert.Empty(await client.QueryAsync("DO 1", CancellationToken.None));
        }

        await server.Completion;
    }

    [Fact]
    public async Task An_error_in_a_later_result_set_is_reported_and_the_connection_stays_usable()
    {
        await using var server = FakeMySqlServer.Start("mysql_native_password", async (connection, _) =>
        {
            await connection.WriteOkAsync();
            await connection.ServeCommandsAsync(async (c, sql) =>
            {
                if (sql != "CALL fails_late()")
                {
                    return false;
                }

                await c.WritePacketAsync([1]);
                await c.WritePacketAsync(ColumnDefinition("a"));
                await c.WritePacketAsync(Row("first"));
                await c.WritePacketAsync(OkEnd(AutoCommit | MoreResultsExist));
                await c.WriteErrorAsync(1644, "45000", "raised by the procedure");
                return true;
            });
        });

        await using (var client = await MySqlConnection.OpenAsync(Options(server.Port), CancellationToken.None))
        {
            var error = await Assert.ThrowsAsync<MySqlServerException>(() => client.QueryAsync("CALL fails_late()", CancellationToken.None));
            Assert.Equal(1644, error.ErrorCode);
            Assert.Equal("45000", error.SqlState);
            Assert.Equal("raised by the procedure", error.Message);
            Assert.Equal(0, await client.ExecuteAsync("DO 1", CancellationToken.None));
        }

        await server.Completion;
    }

    [Fact]
    public async Task Rows_split_into_single_byte_reads_are_reassembled()
    {
        var expected = Enumerable.Range(0, 300).Select(i => new[] { i.ToString(System.Globalization.CultureInfo.InvariantCulture), new string('v', i) }).ToList();
        await using var server = FakeMySqlServer.Start("mysql_native_password", async (connection, _) =>
        {
            await connection.WriteOkAsync();
            await connection.ServeCommandsAsync(async (c, sql) =>
            {
                if (sql != "SELECT slowly")
                {
                    return false;
                }

                var packets = new List<byte[]> { new byte[] { 2 }, ColumnDefinition("i"), ColumnDefinition("v") };
                packets.AddRange(expected.Select(row => Row(row[0], row[1])));
                packets.Add(OkEnd(AutoCommit));
                var bytes = c.Frame(packets);
                foreach (var b in bytes)
                {
                    await c.Stream.WriteAsync(new[] { b });
                    await c.Stream.FlushAsync();
                }

                return true;
            });
        });

        await using (var client = await MySqlConnection.OpenAsync(Options(server.Port), CancellationToken.None))
        {
            var rows = await client.QueryAsync("SELECT slowly", CancellationToken.None);
            Assert.Equal(expected, rows.Select(r => r.Select(v => v!).ToArray()));
        }

        await server.Completion;
    }

    private static MySqlConnectionOptions Options(int port) => new()
    {
        Host = IPAddress.Loopback.ToString(),
        Port = port,
        User = "app",
        Password = "pw",
        TlsMode = MySqlTlsMode.Disabled,
        ReadTimeout = TimeSpan.FromSeconds(10),
    };

    private static byte[] ColumnDefinition(string name)
    {
        var text = (string value) => FakeServerConnection.LengthEncoded(Encoding.UTF8.GetBytes(value));
        byte[] fixedFields = [0x0c, 45, 0, 0, 1, 0, 0, 0xfd, 0, 0, 0, 0, 0];
        return [.. text("def"), .. text("db"), .. text("t"), .. text("t"), .. text(name), .. text(name), .. fixedFields];
    }

    private static byte[] Row(params string?[] values)
        => [.. values.SelectMany(value => value is null ? [(byte)0xfb] : FakeServerConnection.LengthEncoded(Encoding.UTF8.GetBytes(value)))];

    private static byte[] Eof(ushort status) => [0xfe, 0, 0, (byte)status, (byte)(status >> 8)];

    private static byte[] OkEnd(ushort status) => [0xfe, 0, 0, (byte)status, (byte)(status >> 8), 0, 0];
}
