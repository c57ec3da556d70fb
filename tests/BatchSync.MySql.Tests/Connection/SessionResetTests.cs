using BatchSync.Testing;

namespace BatchSync.MySql.Tests.Connection;

public sealed class SessionResetTests
{
    [Fact]
    public async Task Reset_clears_what_a_session_left_behind_and_applies_the_session_settings_again()
    {
        var server = await SharedMariaDb.GetAsync();
        var database = await SharedMariaDb.CreateDatabaseAsync("reset");
        var options = await TestAccounts.CreateNativePasswordUserAsync(server, database);
        await using var connection = await MySqlConnection.OpenAsync(options, CancellationToken.None);
        await connection.ExecuteAsync(
            "SET @left_over = 'dirty', time_zone = '+09:00', NAMES latin1, SESSION tx_read_only = 0", CancellationToken.None);
        await connection.ExecuteAsync("CREATE TEMPORARY TABLE scratch (id INT)", CancellationToken.None);
        var before = await connection.QueryAsync("SELECT CONNECTION_ID()", CancellationToken.None);

        await connection.ResetAsync(CancellationToken.None);

        var row = Assert.Single(await connection.QueryAsync(
            "SELECT CONNECTION_ID(), @left_over, @@session.time_zone, @@character_set_client, @@session.tx_read_only, DATABASE()", CancellationToken.None));
        Assert.Equal(before[0][0], row[0]);
        Assert.Null(row[1]);
        Assert.Equal("+00:00", row[2]);
        Assert.Equal("utf8mb4", row[3]);
        Assert.Equal("1", row[4]);
        Assert.Equal(database, row[5]);
        var missing = await Assert.ThrowsAsync<MySqlServerException>(() => connection.QueryAsync("SELECT * FROM scratch", CancellationToken.None));
        Assert.Equal(1146, missing.ErrorCode); // ER_NO_SUCH_TABLE: the temporary table went with the old session state
        Assert.True(connection.IsUsable);
    }
}
