using BatchSync.Testing;

namespace BatchSync.Core.Tests;

public class MariaDbServerTests
{
    [Fact]
    public async Task Throwaway_server_answers_queries_in_its_own_database()
    {
        var server = await SharedMariaDb.GetAsync();
        var database = await SharedMariaDb.CreateDatabaseAsync("smoke");
        await server.ExecuteAsync("CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(10)); INSERT INTO t VALUES (1, 'a'), (2, NULL);", database);

        var rows = await server.QueryAsync("SELECT id, name FROM t ORDER BY id", database);

        Assert.Equal([["1", "a"], ["2", "NULL"]], rows);
    }
}
