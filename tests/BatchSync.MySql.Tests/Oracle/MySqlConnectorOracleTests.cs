using System.Globalization;
using BatchSync.Core.Schema;
using BatchSync.MySql.Schema;
using BatchSync.MySql.Tests.Extract;
using BatchSync.Testing;
using MySqlConnector;

namespace BatchSync.MySql.Tests.Oracle;

/// <summary>
/// MySqlConnector 3.0.0 as an independent oracle: it reads every column of the every-type table with its own protocol
/// code and type conversions, and each value must equal what our CSV decodes to under the column's BigQuery type.
/// Two clients written apart agreeing on every edge value is the evidence that ours reads what the server holds.
/// </summary>
public sealed class MySqlConnectorOracleTests : IAsyncLifetime, IDisposable
{
    private readonly ExportHarness _harness = new();
    private string _database = "";

    public async Task InitializeAsync() => _database = await EveryTypeTable.CreateAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Every_value_of_every_type_matches_what_MySqlConnector_reads()
    {
        // Row 5 holds a TIME outside a day, which the TIME mapping refuses; it is compared with TIME as STRING below.
        var query = new TableQuery { Database = _database, Table = EveryTypeTable.Name, Where = "id <> 5" };

        var compared = await CompareAsync(query, "SELECT * FROM every_type WHERE id <> 5 ORDER BY id");

        Assert.Equal(6 * 35, compared);
    }

    [Fact]
    public async Task A_time_beyond_a_day_as_string_matches_what_MySqlConnector_reads()
    {
        var query = new TableQuery
        {
            Database = _database,
            Table = EveryTypeTable.Name,
            Where = "id = 5",
            ColumnTypes = new Dictionary<string, BigQueryType> { ["tm"] = BigQueryType.String },
        };

        var compared = await CompareAsync(query, "SELECT * FROM every_type WHERE id = 5");

        Assert.Equal(35, compared);
    }

    /// <summary>Exports with our client, reads with MySqlConnector, compares every field; returns how many were compared.</summary>
    private async Task<int> CompareAsync(TableQuery query, string oracleSql)
    {
        var result = await _harness.ExportAsync(query);
        var ours = ExportHarness.ReadRecords(result).ToDictionary(r => r[0]!);
        var fields = result.Plan.Schema.Fields;

        var server = await SharedMariaDb.GetAsync();
        var builder = new MySqlConnectionStringBuilder
        {
            Server = server.Host,
            Port = (uint)server.Port,
            UserID = "root",
            Password = MariaDbServer.RootPassword,
            Database = _database,
            SslMode = MySqlSslMode.None,
            TreatTinyAsBoolean = false,
            AllowZeroDateTime = true,
        };
        await using var connection = new MySqlConnector.MySqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using (var zone = new MySqlCommand("SET time_zone = '+00:00'", connection))
        {
            await zone.ExecuteNonQueryAsync();
        }

        // Prepared, so the binary protocol carries FLOAT as its 4 IEEE bytes: the text protocol rounds it to 6 digits.
        await using var command = new MySqlCommand(oracleSql, connection);
        await command.PrepareAsync();
        await using var reader = await command.ExecuteReaderAsync();
        var compared = 0;
        while (await reader.ReadAsync())
        {
            var id = reader.GetInt32(0).ToString(CultureInfo.InvariantCulture);
            var record = ours[id];
            Assert.Equal(reader.FieldCount, record.Length);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                Assert.Equal(fields[i].Name, reader.GetName(i));
                var expected = OracleValue.Canonical(reader, i, fields[i].Type);
                var actual = OracleValue.CanonicalCsv(record[i], fields[i].Type);
                Assert.True(expected == actual, $"row {id}, column {fields[i].Name} ({fields[i].Type}): MySqlConnector read {expected ?? "NULL"}, our CSV holds {actual ?? "NULL"}");
                compared++;
            }
        }

        Assert.Equal(ours.Count, compared / reader.FieldCount);
        return compared;
    }
}
