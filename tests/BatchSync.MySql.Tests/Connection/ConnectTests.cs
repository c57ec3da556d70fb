using System.Net;
using System.Net.Sockets;
using BatchSync.Testing;

namespace BatchSync.MySql.Tests.Connection;

public sealed class ConnectTests
{
    [Fact]
    public async Task Native_password_user_connects_and_sees_a_prepared_session()
    {
        var server = await SharedMariaDb.GetAsync();
        var database = await SharedMariaDb.CreateDatabaseAsync("conn");
        var options = await TestAccounts.CreateNativePasswordUserAsync(server, database);

        await using var connection = await MySqlConnection.OpenAsync(options, CancellationToken.None);

        Assert.True(connection.IsMariaDb);
        Assert.StartsWith("10.", connection.ServerVersion, StringComparison.Ordinal);
        Assert.False(connection.IsEncrypted);
        var rows = await connection.QueryAsync(
            "SELECT DATABASE(), CURRENT_USER(), CONNECTION_ID(), @@session.time_zone, @@character_set_client, @@session.tx_read_only", CancellationToken.None);
        var row = Assert.Single(rows);
        Assert.Equal(database, row[0]);
        Assert.StartsWith(options.User + "@", row[1], StringComparison.Ordinal);
        Assert.Equal(connection.ConnectionId.ToString(System.Globalization.CultureInfo.InvariantCulture), row[2]);
        Assert.Equal("+00:00", row[3]);
        Assert.Equal("utf8mb4", row[4]);
        Assert.Equal("1", row[5]);
    }

    [Fact]
    public async Task Read_only_session_rejects_writes_and_can_be_turned_off()
    {
        var server = await SharedMariaDb.GetAsync();
        var database = await SharedMariaDb.CreateDatabaseAsync("ro");
        await server.ExecuteAsync("CREATE TABLE t (id INT PRIMARY KEY) ENGINE=InnoDB;", database);
        var options = await TestAccounts.CreateNativePasswordUserAsync(server, database);

        await using (var readOnly = await MySqlConnection.OpenAsync(options, CancellationToken.None))
        {
            var error = await Assert.ThrowsAsync<MySqlServerException>(() => readOnly.ExecuteAsync("INSERT INTO t VALUES (1)", CancellationToken.None));
            Assert.Equal(1792, error.ErrorCode); // ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION
        }

        await using var writable = await MySqlConnection.OpenAsync(
            new MySqlConnectionOptions { Host = options.Host, Port = options.Port, User = options.User, Password = options.Password, Database = database, TlsMode = MySqlTlsMode.Disabled, ReadOnlySession = false },
            CancellationToken.None);
        Assert.Equal(2, await writable.ExecuteAsync("INSERT INTO t VALUES (1), (2)", CancellationToken.None));
    }

    [Fact]
    public async Task Wrong_password_is_access_denied_without_echoing_the_password()
    {
        var server = await SharedMariaDb.GetAsync();
        var options = await TestAccounts.CreateNativePasswordUserAsync(server);
        const string wrongPassword = "definitely-not-it-4711";

        var error = await Assert.ThrowsAsync<MySqlServerException>(() => MySqlConnection.OpenAsync(
            new MySqlConnectionOptions { Host = options.Host, Port = options.Port, User = options.User, Password = wrongPassword, TlsMode = MySqlTlsMode.Disabled },
            CancellationToken.None));

        Assert.Equal(1045, error.ErrorCode);
        Assert.Equal("28000", error.SqlState);
        Assert.Contains(options.User, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongPassword, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(options.Password!, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_database_is_a_server_error()
    {
        var server = await SharedMariaDb.GetAsync();
        var options = await TestAccounts.CreateNativePasswordUserAsync(server, "no_such_db_here");

        var error = await Assert.ThrowsAsync<MySqlServerException>(() => MySqlConnection.OpenAsync(options, CancellationToken.None));

        Assert.Equal(1049, error.ErrorCode);
        Assert.Contains("no_such_db_here", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closed_port_names_host_and_port()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var error = await Assert.ThrowsAsync<MySqlException>(() => MySqlConnection.OpenAsync(
            new MySqlConnectionOptions { Host = "127.0.0.1", Port = port, User = "x", Password = "secret-pw", TlsMode = MySqlTlsMode.Disabled },
            CancellationToken.None));

        Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-pw", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Silent_server_hits_the_connect_timeout_naming_host_and_port()
    {
        // Accepts TCP but never greets, like a wrong port behind a proxy.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var error = await Assert.ThrowsAsync<MySqlException>(() => MySqlConnection.OpenAsync(
            new MySqlConnectionOptions { Host = "127.0.0.1", Port = port, User = "x", TlsMode = MySqlTlsMode.Disabled, ConnectTimeout = TimeSpan.FromMilliseconds(300) },
            CancellationToken.None));

        Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
        Assert.Contains("Timed out", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_are_validated_and_never_print_the_password()
    {
        var options = new MySqlConnectionOptions { Host = "db.example", User = "app", Password = "hunter2-secret" };
        options.Validate();
        Assert.DoesNotContain("hunter2-secret", options.ToString(), StringComparison.Ordinal);
        Assert.Contains("app@db.example:3306", options.ToString(), StringComparison.Ordinal);

        Assert.Throws<ArgumentException>(() => new MySqlConnectionOptions { Host = "", User = "app" }.Validate());
        Assert.Throws<ArgumentException>(() => new MySqlConnectionOptions { Host = "h", User = "app", Port = 0 }.Validate());
        Assert.Throws<ArgumentException>(() => new MySqlConnectionOptions { Host = "h", User = "app", UseClearTextPassword = true, TlsMode = MySqlTlsMode.Disabled }.Validate());
        Assert.Throws<ArgumentException>(() => new MySqlConnectionOptions { Host = "h", User = "app", CaBundlePath = "/no/such/ca.pem" }.Validate());
    }
}
