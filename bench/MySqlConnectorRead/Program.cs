using System.Globalization;
using MySqlConnector;

// Usage: MySqlConnectorRead HOST PORT USER DATABASE "SELECT …"   (password from MYSQL_PWD)
// Reads every row with GetValues, the way an application would receive them, and prints the row count.
if (args.Length != 5)
{
    await Console.Error.WriteLineAsync("usage: MySqlConnectorRead HOST PORT USER DATABASE SQL (password from MYSQL_PWD)");
    return 2;
}

var builder = new MySqlConnectionStringBuilder
{
    Server = args[0],
    Port = uint.Parse(args[1], CultureInfo.InvariantCulture),
    UserID = args[2],
    Password = Environment.GetEnvironmentVariable("MYSQL_PWD"),
    Database = args[3],
    SslMode = MySqlSslMode.None,
    AllowZeroDateTime = true,
};
await using var connection = new MySqlConnection(builder.ConnectionString);
await connection.OpenAsync();
await using var command = new MySqlCommand(args[4], connection) { CommandTimeout = 0 };
await using var reader = await command.ExecuteReaderAsync();
var values = new object[reader.FieldCount];
long rows = 0;
while (await reader.ReadAsync())
{
    reader.GetValues(values);
    rows++;
}

Console.WriteLine(rows.ToString(CultureInfo.InvariantCulture));
return 0;
