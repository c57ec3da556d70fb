using BatchSync.Core.Schema;
using BatchSync.MySql.Schema;
using BatchSync.MySql.Tests.Connection;
using BatchSync.Testing;

namespace BatchSync.MySql.Tests.Schema;

/// <summary>
/// Where table names are case-sensitive (Linux, lower_case_table_names = 0), <c>Orders</c> and <c>orders</c> are two
/// tables; information_schema's case-insensitive collation must not blend their columns.
/// </summary>
public sealed class CaseSensitiveNameTests
{
    [Fact]
    public async Task Tables_differing_only_in_case_keep_their_own_columns()
    {
        var server = await SharedMariaDb.GetAsync();
        var database = "cases_" + Guid.NewGuid().ToString("N")[..8];
        await server.ExecuteAsync($"""
            CREATE DATABASE {database};
            CREATE TABLE {database}.Orders (id INT PRIMARY KEY, doc JSON);
            CREATE TABLE {database}.orders (id INT PRIMARY KEY, doc LONGTEXT);
            """);
        Assert.Equal("0", (await server.QueryAsync("SELECT @@lower_case_table_names"))[0][0]);
        await using var connection = await MySqlConnection.OpenAsync(TestAccounts.Root(server, database), CancellationToken.None);

        var upper = await SchemaDiscovery.DiscoverAsync(connection, new TableQuery { Database = database, Table = "Orders" }, CancellationToken.None);
        var lower = await SchemaDiscovery.DiscoverAsync(connection, new TableQuery { Database = database, Table = "orders" }, CancellationToken.None);

        Assert.Equal(BigQueryType.Json, upper.Schema.Fields[1].Type);
        Assert.Equal(BigQueryType.String, lower.Schema.Fields[1].Type);
    }
}
