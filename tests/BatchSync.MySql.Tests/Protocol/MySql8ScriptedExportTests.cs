using System.Net;
using System.Text;
using BatchSync.Core.Stage;
using BatchSync.MySql.Extract;
using BatchSync.MySql.Schema;
using BatchSync.MySql.Tests.Extract;

namespace BatchSync.MySql.Tests.Protocol;

/// <summary>
/// A whole table export against a scripted server that answers like MySQL 8.0: no EOF packets, JSON as column type 245,
/// geographic geometry that needs the axis-order option, and an error that can arrive after rows were sent.
/// </summary>
public sealed class MySql8ScriptedExportTests : IDisposable
{
    private const ushort AutoCommit = 0x0002;
    private const byte VarString = 0xfd;
    private const byte Long = 0x03;
    private const byte Json = 0xf5;
    private const byte Geometry = 0xff;
    private const byte Blob = 0xfc;
    private const ushort Utf8mb4 = 45;
    private const ushort Binary = 63;

    private static readonly TableQuery Places = new() { Database = "shop", Table = "places" };

    private readonly ExportHarness _harness = new();

    [Fact]
    public async Task Exports_json_and_geometry_long_lat_inside_one_read_only_snapshot()
    {
        List<string> queries = [];
        await using var server = StartServer(async (c, sql) =>
        {
            if (!sql.StartsWith("SELECT `id`", StringComparison.Ordinal))
            {
                return false;
            }

            await WriteRowsAsync(c, [["1", "{\"a\": [1, 2]}", "POINT(13.4 52.5)"], ["2", null, null]]);
            await c.WritePacketAsync(OkEnd(AutoCommit));
            return true;
        }, q => queries = q);

        var result = await TableExporter.ExportAsync(Options(server.Port), new LocalFolderStagingStore(_harness.Folder), null, CancellationToken.None);
        await server.Completion;

        Assert.Equal([["1", "{\"a\": [1, 2]}", "POINT(13.4 52.5)"], ["2", null, null]], ExportHarness.ReadRecords(result));
        Assert.Equal("JSON", Core.Schema.BigQueryTypeNames.ToApiName(result.Plan.Schema.Fields[1].Type));
        var select = Assert.Single(queries, q => q.StartsWith("SELECT `id`", StringComparison.Ordinal));
        Assert.Contains("ST_AsText(`g`, 'axis-order=long-lat') AS `g`", select, StringComparison.Ordinal);
        var selectAt = queries.IndexOf(select);
        Assert.Equal("START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY", queries[selectAt - 1]);
        Assert.Equal("COMMIT", queries[selectAt + 1]);
    }

    [Fact]
    public async Task An_error_after_some_rows_fails_the_export_and_leaves_no_parts()
    {
        await using var server = StartServer(async (c, sql) =>
        {
            if (!sql.StartsWith("SELECT `id`", StringComparison.Ordinal))
            {
                return false;
            }

            await WriteRowsAsync(c, [["1", "{}", null]]);
            await c.WriteErrorAsync(3024, "HY000", "Query execution was interrupted, maximum statement execution time exceeded");
            return true;
        }, _ => { });

        var error = await Assert.ThrowsAsync<TableExportException>(() =>
            TableExporter.ExportAsync(Options(server.Port), new LocalFolderStagingStore(_harness.Folder), null, CancellationToken.None));

        Assert.Equal(3024, Assert.IsType<MySqlServerException>(error.InnerException).ErrorCode);
        Assert.Empty(_harness.PartFiles());
    }

    public void Dispose() => _harness.Dispose();

    private static TableExportOptions Options(int port) => new()
    {
        Connection = new MySqlConnectionOptions
        {
            Host = IPAddress.Loopback.ToString(),
            Port = port,
            User = "app",
            Password = "pw",
            Database = "shop",
            TlsMode = MySqlTlsMode.Disabled,
            ConnectTimeout = TimeSpan.FromSeconds(60),
            ReadTimeout = TimeSpan.FromSeconds(60),
        },
        Query = Places,
    };

    /// <summary>Answers the session setup, the catalog lookups and the LIMIT 0 probe; <paramref name="select"/> answers the rest.</summary>
    private static FakeMySqlServer StartServer(Func<FakeServerConnection, string, Task<bool>> select, Action<List<string>> done)
        => FakeMySqlServer.Start("caching_sha2_password", async (connection, _) =>
        {
            await connection.WritePacketAsync([0x01, 0x03]);
            await connection.WriteOkAsync();
            await connection.ServeCommandsAsync(async (c, sql) =>
            {
                if (sql.Contains("information_schema.COLUMNS", StringComparison.Ordinal))
                {
                    Assert.Contains("COLLATE utf8mb4_bin", sql, StringComparison.Ordinal);
                    await c.WritePacketAsync([7]);
                    foreach (var name in new[] { "TABLE_NAME", "COLUMN_NAME", "DATA_TYPE", "COLUMN_TYPE", "NUMERIC_PRECISION", "NUMERIC_SCALE", "DATETIME_PRECISION" })
                    {
                        await c.WritePacketAsync(ColumnDefinition(name, VarString, Utf8mb4, "COLUMNS"));
                    }

                    await c.WritePacketAsync(Row("places", "id", "int", "int", "10", "0", null));
                    await c.WritePacketAsync(Row("places", "doc", "json", "json", null, null, null));
                    await c.WritePacketAsync(Row("places", "g", "geometry", "geometry", null, null, null));
                    await c.WritePacketAsync(OkEnd(AutoCommit));
                    return true;
                }

                if (sql.EndsWith("LIMIT 0", StringComparison.Ordinal))
                {
                    await c.WritePacketAsync([3]);
                    await c.WritePacketAsync(ColumnDefinition("id", Long, Binary, "places"));
                    await c.WritePacketAsync(ColumnDefinition("doc", Json, Binary, "places"));
                    await c.WritePacketAsync(ColumnDefinition("g", Geometry, Binary, "places"));
                    await c.WritePacketAsync(OkEnd(AutoCommit));
                    return true;
                }

                return await select(c, sql);
            });
            done(connection.Queries);
        });

    private static async Task WriteRowsAsync(FakeServerConnection c, string?[][] rows)
    {
        await c.WritePacketAsync([3]);
        await c.WritePacketAsync(ColumnDefinition("id", Long, Binary, "places"));
        await c.WritePacketAsync(ColumnDefinition("doc", Json, Binary, "places"));
        await c.WritePacketAsync(ColumnDefinition("g", Blob, Utf8mb4, ""));
        foreach (var row in rows)
        {
            await c.WritePacketAsync(Row(row));
        }
    }

    private static byte[] ColumnDefinition(string name, byte type, ushort characterSet, string table)
    {
        var text = (string value) => FakeServerConnection.LengthEncoded(Encoding.UTF8.GetBytes(value));
        byte[] fixedFields = [0x0c, (byte)characterSet, (byte)(characterSet >> 8), 0, 0, 1, 0, type, 0, 0, 0, 0, 0];
        return [.. text("def"), .. text("shop"), .. text(table), .. text(table), .. text(name), .. text(table.Length == 0 ? "" : name), .. fixedFields];
    }

    private static byte[] Row(params string?[] values)
        => [.. values.SelectMany(value => value is null ? [(byte)0xfb] : FakeServerConnection.LengthEncoded(Encoding.UTF8.GetBytes(value)))];

    private static byte[] OkEnd(ushort status) => [0xfe, 0, 0, (byte)status, (byte)(status >> 8), 0, 0];
}
