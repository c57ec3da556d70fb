using System.Security.Cryptography;
using BatchSync.Testing;

namespace BatchSync.MySql.Tests.Connection;

/// <summary>Rows past the protocol's 16 MiB packet limit, on a server that allows 64 MiB packets.</summary>
public sealed class LargeRowTests : IAsyncLifetime
{
    private MariaDbServer _server = null!;

    public async Task InitializeAsync() => _server = await MariaDbServer.StartAsync(["--max-allowed-packet=64M"]);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Rows_larger_than_16_MiB_round_trip_byte_exact()
    {
        await _server.ExecuteAsync("CREATE DATABASE big; CREATE TABLE big.t (id INT PRIMARY KEY, payload LONGBLOB NOT NULL);");
        var options = TestAccounts.Root(_server, "big");
        var random = RandomNumberGenerator.GetBytes(20 << 20);

        // A single text row of exactly 0xFFFFFF bytes (4-byte length prefix + value) is followed by an empty packet.
        const int exactBoundaryValue = 0xffffff - 4;
        await using (var writer = await MySqlConnection.OpenAsync(
            new MySqlConnectionOptions { Host = options.Host, Port = options.Port, User = options.User, Password = options.Password, Database = "big", TlsMode = MySqlTlsMode.Disabled, ReadOnlySession = false },
            CancellationToken.None))
        {
            // A 40 MiB statement: the query itself is split into continuation packets.
            Assert.Equal(1, await writer.ExecuteAsync($"INSERT INTO t VALUES (1, X'{Convert.ToHexString(random)}')", CancellationToken.None));
            await writer.ExecuteAsync($"INSERT INTO t VALUES (2, REPEAT('b', {exactBoundaryValue})), (3, 'small')", CancellationToken.None);
        }

        await using var connection = await MySqlConnection.OpenAsync(options, CancellationToken.None);
        await using var reader = await connection.ExecuteReaderAsync("SELECT payload FROM t ORDER BY id", CancellationToken.None);
        var sink = new RecordingSink();
        Assert.Equal(3, await reader.ReadRowsAsync(sink, CancellationToken.None));

        Assert.Equal(0xfe, sink.Rows[0][0]); // an 8-byte length prefix: the row begins like an EOF packet would
        Assert.True(random.AsSpan().SequenceEqual(RecordingSink.Fields(sink.Rows[0], 1)[0]));
        Assert.Equal(0xffffff, sink.Rows[1].Length);
        Assert.Equal(exactBoundaryValue, RecordingSink.Fields(sink.Rows[1], 1)[0]!.Count(b => b == (byte)'b'));
        Assert.Equal("small"u8.ToArray(), RecordingSink.Fields(sink.Rows[2], 1)[0]);

        var check = await _server.QueryAsync("SELECT SHA2(payload, 256) FROM big.t WHERE id = 1");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(random)), check[0][0]);
    }
}
