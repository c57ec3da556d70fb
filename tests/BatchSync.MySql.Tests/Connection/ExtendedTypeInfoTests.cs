using BatchSync.Testing;

namespace BatchSync.MySql.Tests.Connection;

public sealed class ExtendedTypeInfoTests
{
    [Fact]
    public async Task MariaDb_reports_json_format_and_plugin_type_names()
    {
        var server = await SharedMariaDb.GetAsync();
        var database = await SharedMariaDb.CreateDatabaseAsync("ext");
        await server.ExecuteAsync("CREATE TABLE t (doc JSON, plain LONGTEXT, ip INET6);", database);
        await using var connection = await MySqlConnection.OpenAsync(TestAccounts.Root(server, database), CancellationToken.None);

        await using var reader = await connection.ExecuteReaderAsync("SELECT doc, plain, ip FROM t", CancellationToken.None);

        Assert.Equal("json", reader.Columns[0].ExtendedTypeFormat);
        Assert.Null(reader.Columns[1].ExtendedTypeFormat);
        Assert.Equal("inet6", reader.Columns[2].ExtendedTypeName);
    }
}
