using System.Globalization;
using BatchSync.Core.Schema;
using BatchSync.MySql.Csv;
using BatchSync.MySql.Extract;
using BatchSync.MySql.Schema;
using BatchSync.Testing;

namespace BatchSync.MySql.Tests.Extract;

/// <summary>
/// One table with every mapped type and the values that break exporters, exported for real and read back with an
/// independent CSV reader, compared field by field with what the server holds (read through the official client).
/// </summary>
public sealed class EveryTypeExportTests : IAsyncLifetime, IDisposable
{
    private const string Table = EveryTypeTable.Name;

    /// <summary>Column, the BigQuery type docs/type-mapping.md gives it, and the SQL that yields the CSV value BigQuery should read.</summary>
    private static readonly (string Column, BigQueryType Type, string Expected)[] Columns =
    [
        ("id", BigQueryType.Int64, "CAST(id AS CHAR)"),
        ("ti", BigQueryType.Int64, "CAST(ti AS CHAR)"), ("tu", BigQueryType.Int64, "CAST(tu AS CHAR)"),
        ("si", BigQueryType.Int64, "CAST(si AS CHAR)"), ("su", BigQueryType.Int64, "CAST(su AS CHAR)"),
        ("mi", BigQueryType.Int64, "CAST(mi AS CHAR)"), ("mu", BigQueryType.Int64, "CAST(mu AS CHAR)"),
        ("i", BigQueryType.Int64, "CAST(i AS CHAR)"), ("iu", BigQueryType.Int64, "CAST(iu AS CHAR)"),
        ("bi", BigQueryType.Int64, "CAST(bi AS CHAR)"), ("bu", BigQueryType.Numeric, "CAST(bu AS CHAR)"),
        ("flag", BigQueryType.Int64, "CAST(flag AS CHAR)"),
        ("dsmall", BigQueryType.Numeric, "CAST(dsmall AS CHAR)"), ("dmid", BigQueryType.BigNumeric, "CAST(dmid AS CHAR)"),
        ("dbig", BigQueryType.BigNumeric, "CAST(dbig AS CHAR)"), ("dwide", BigQueryType.String, "CAST(dwide AS CHAR)"),
        ("fl", BigQueryType.Float64, "CAST(CAST(fl AS DOUBLE) AS CHAR)"), ("db", BigQueryType.Float64, "CAST(db AS CHAR)"),
        ("b1", BigQueryType.Bool, "CASE WHEN b1 IS NULL THEN NULL WHEN b1 = 1 THEN 'true' ELSE 'false' END"),
        ("b10", BigQueryType.Int64, "CAST(b10 + 0 AS CHAR)"), ("b64", BigQueryType.Numeric, "CAST(b64 + 0 AS CHAR)"),
        ("s", BigQueryType.String, "s"), ("txt", BigQueryType.String, "txt"), ("ch", BigQueryType.String, "ch"),
        ("e", BigQueryType.String, "e"), ("st", BigQueryType.String, "st"),
        ("vb", BigQueryType.Bytes, "vb"), ("bl", BigQueryType.Bytes, "bl"),
        ("d", BigQueryType.Date, "IF(YEAR(d) = 0 OR MONTH(d) = 0 OR DAYOFMONTH(d) = 0, NULL, CAST(d AS CHAR))"),
        ("dt", BigQueryType.DateTime, "IF(YEAR(dt) = 0 OR MONTH(dt) = 0 OR DAYOFMONTH(dt) = 0, NULL, CAST(dt AS CHAR))"),
        ("ts", BigQueryType.Timestamp, "IF(YEAR(ts) = 0, NULL, CONCAT(CAST(ts AS CHAR), '+00:00'))"),
        ("tm", BigQueryType.Time, "CAST(tm AS CHAR)"), ("y", BigQueryType.Int64, "CAST(y AS CHAR)"),
        ("j", BigQueryType.Json, "j"), ("g", BigQueryType.String, "ST_AsText(g)"),
    ];

    private readonly ExportHarness _harness = new();
    private string _database = "";

    public async Task InitializeAsync() => _database = await EveryTypeTable.CreateAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task The_schema_follows_the_type_mapping()
    {
        var result = await _harness.ExportAsync(new TableQuery { Database = _database, Table = Table, Select = "id, tm, ts", Where = "id <> 5" });
        using var second = new ExportHarness();
        var full = await second.ExportAsync(new TableQuery { Database = _database, Table = Table, Where = "id <> 5" });

        Assert.Equal(Columns.Select(c => (c.Column, c.Type)), full.Plan.Schema.Fields.Select(f => (f.Name, f.Type)));
        Assert.Equal(["id", "tm", "ts"], result.Plan.Schema.Fields.Select(f => f.Name));
    }

    [Fact]
    public async Task Information_schema_alone_describes_a_whole_table_as_the_result_metadata_does()
    {
        await using var connection = await MySqlConnection.OpenAsync(await ExportHarness.ConnectionAsync(_database), CancellationToken.None);
        var database = await SourceColumnCatalog.ReadDatabaseAsync(connection, _database, CancellationToken.None);
        foreach (var dateTimes in new[] { DateTimeMapping.DateTime, DateTimeMapping.Timestamp })
        {
            var query = new TableQuery { Database = _database, Table = Table, DateTimes = dateTimes, ColumnTypes = new Dictionary<string, BigQueryType> { ["flag"] = BigQueryType.Bool } };
            var discovered = await SchemaDiscovery.DiscoverAsync(connection, query, CancellationToken.None);

            var fromCatalog = SchemaDiscovery.FromCatalog(query, database[Table], connection.IsMySql8);

            Assert.NotNull(fromCatalog);
            Assert.Equal(
                discovered.Columns.Select(c => (c.Field, c.Encoding, c.SelectExpression)),
                fromCatalog.Columns.Select(c => (c.Field, c.Encoding, c.SelectExpression)));
            Assert.Equal(discovered.SelectSql, fromCatalog.SelectSql);
        }

        Assert.Null(SchemaDiscovery.FromCatalog(new TableQuery { Database = _database, Table = Table, Where = "id > 1" }, database[Table], connection.IsMySql8));
    }

    [Fact]
    public async Task Every_value_reads_back_as_the_server_holds_it()
    {
        // Row 5 holds a TIME outside a day: it gets its own test.
        var result = await _harness.ExportAsync(new TableQuery { Database = _database, Table = Table, Where = "id <> 5" });

        var records = ExportHarness.ReadRecords(result).ToDictionary(r => r[0]!);
        Assert.Equal(6, records.Count);
        Assert.Equal(6, result.Rows);
        for (var index = 0; index < Columns.Length; index++)
        {
            var (column, type, expected) = Columns[index];
            if (type == BigQueryType.Bytes)
            {
                var bytes = await ServerValues.BytesAsync(_database, Table, expected, "SET time_zone = '+00:00';");
                foreach (var (id, value) in bytes.Where(p => p.Key != "5"))
                {
                    var field = records[id][index];
                    Assert.True(value is null ? field is null : field is not null && Convert.FromBase64String(field).AsSpan().SequenceEqual(value), $"row {id}, column {column}: got '{field}'");
                }

                continue;
            }

            var values = await ServerValues.TextAsync(_database, Table, expected, "SET time_zone = '+00:00';");
            foreach (var (id, value) in values.Where(p => p.Key != "5"))
            {
                Assert.True(value == records[id][index], $"row {id}, column {column}: expected '{value}', got '{records[id][index]}'");
            }
        }
    }

    [Fact]
    public async Task Text_with_spaces_and_control_characters_survives_when_time_is_kept_as_string()
    {
        var result = await _harness.ExportAsync(new TableQuery
        {
            Database = _database,
            Table = Table,
            Select = "id, s, txt, ch, tm",
            Where = "id = 5",
            ColumnTypes = new Dictionary<string, BigQueryType> { ["tm"] = BigQueryType.String },
        });

        var record = Assert.Single(ExportHarness.ReadRecords(result));
        foreach (var (column, index) in new[] { ("s", 1), ("txt", 2), ("ch", 3), ("CAST(tm AS CHAR)", 4) })
        {
            var expected = (await ServerValues.TextAsync(_database, Table, column))["5"];
            Assert.Equal(expected, record[index]);
        }
    }

    [Fact]
    public async Task A_time_outside_a_day_fails_naming_table_column_and_row_and_leaves_no_parts()
    {
        var error = await Assert.ThrowsAsync<CsvConversionException>(() => _harness.ExportAsync(
            new TableQuery { Database = _database, Table = Table, Select = "id, tm", Where = "id >= 4" }));

        Assert.Equal(($"{_database}.{Table}", "tm", 2L), (error.Table, error.Column, error.Row));
        Assert.Empty(_harness.PartFiles());
    }

    [Fact]
    public async Task Zero_dates_fail_the_export_when_asked()
    {
        var error = await Assert.ThrowsAsync<CsvConversionException>(() => _harness.ExportAsync(
            new TableQuery { Database = _database, Table = Table, Select = "id, d", Where = "id = 4" },
            options => options with { ZeroDates = ZeroDatePolicy.Fail }));

        Assert.Equal("d", error.Column);
        Assert.Contains("0000-00-00", error.Message, StringComparison.Ordinal);
        Assert.Empty(_harness.PartFiles());
    }

    [Fact]
    public async Task Tinyint_one_becomes_bool_only_when_asked_and_refuses_values_other_than_zero_and_one()
    {
        var query = new TableQuery
        {
            Database = _database,
            Table = Table,
            Select = "id, flag",
            Where = "id IN (1, 2)",
            ColumnTypes = new Dictionary<string, BigQueryType> { ["flag"] = BigQueryType.Bool },
        };
        var result = await _harness.ExportAsync(query);

        Assert.Equal(BigQueryType.Bool, result.Plan.Schema.Fields[1].Type);
        Assert.Equal(["1:false", "2:true"], ExportHarness.ReadRecords(result).Select(r => $"{r[0]}:{r[1]}").Order(StringComparer.Ordinal));

        using var other = new ExportHarness();
        var error = await Assert.ThrowsAsync<CsvConversionException>(() => other.ExportAsync(query with { Where = "id = 4" }));
        Assert.Equal("flag", error.Column);
    }

    [Fact]
    public async Task Datetimes_convert_from_the_source_zone_as_the_server_converts_them()
    {
        var server = await SharedMariaDb.GetAsync();
        await TimeZoneTables.LoadAsync(server, "America/New_York");
        await server.ExecuteAsync("""
            CREATE TABLE local_times (id INT PRIMARY KEY, dt DATETIME(3));
            INSERT INTO local_times VALUES (1, '2024-03-10 01:59:59.999'), (2, '2024-03-10 03:00:00'), (3, '2024-07-01 12:00:00.5'),
              (4, '2024-11-03 00:59:59'), (5, '2024-11-03 02:00:00'), (6, '2024-12-31 22:00:00');
            """, _database);

        var result = await _harness.ExportAsync(
            new TableQuery { Database = _database, Table = "local_times", DateTimes = DateTimeMapping.Timestamp },
            options => options with { SourceTimeZone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York") });

        Assert.Equal(BigQueryType.Timestamp, result.Plan.Schema.Fields[1].Type);
        var expected = await ServerValues.TextAsync(_database, "local_times", "CONCAT(CAST(CONVERT_TZ(dt, 'America/New_York', '+00:00') AS CHAR), '+00:00')");
        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value),
            ExportHarness.ReadRecords(result).OrderBy(r => r[0], StringComparer.Ordinal).Select(r => r[1]));
    }

    [Fact]
    public async Task Many_rows_rotate_into_several_valid_parts()
    {
        var server = await SharedMariaDb.GetAsync();
        await server.ExecuteAsync("""
            CREATE TABLE many (id INT PRIMARY KEY, s VARCHAR(100));
            INSERT INTO many SELECT seq, CONCAT('row ', seq, ', "quoted"', IF(seq % 3 = 0, CHAR(10), ''), MD5(seq)) FROM seq_1_to_30000;
            """, _database);

        var result = await _harness.ExportAsync(new TableQuery { Database = _database, Table = "many" },
            options => options with { ChunkSize = 16 * 1024, Parts = new Core.Stage.PartWriterOptions { PartSizeBytes = 64 * 1024 } });

        Assert.True(result.Parts.Count >= 3, $"{result.Parts.Count} parts");
        Assert.Equal(30000, result.Rows);
        Assert.Equal(result.Rows, result.Parts.Sum(p => p.Rows));
        var records = ExportHarness.ReadRecords(result);
        Assert.Equal(Enumerable.Range(1, 30000).Select(i => i.ToString(CultureInfo.InvariantCulture)), records.Select(r => r[0]));
        foreach (var part in result.Parts)
        {
            Assert.Equal(new FileInfo(part.Uri).Length, part.CompressedBytes);
            await GzipTool.AssertValidAsync(part.Uri);
        }
    }

    [Fact]
    public async Task A_custom_select_with_geometry_and_an_awkward_table_name_still_exports_wkt()
    {
        var server = await SharedMariaDb.GetAsync();
        await server.ExecuteAsync("""
            CREATE TABLE `we``ird table` (id INT PRIMARY KEY, g GEOMETRY, `日本` VARCHAR(10));
            INSERT INTO `we``ird table` VALUES (1, ST_GeomFromText('LINESTRING(0 0,1 1)'), 'あ'), (2, NULL, NULL);
            """, _database);

        var result = await _harness.ExportAsync(new TableQuery { Database = _database, Table = "we`ird table", Select = "id, g AS shape, `日本`", Where = "id > 0" });

        Assert.Equal(["id", "shape", "日本"], result.Plan.Schema.Fields.Select(f => f.Name));
        Assert.Contains("ST_AsText(`shape`)", result.Plan.SelectSql, StringComparison.Ordinal);
        var expected = await ServerValues.TextAsync(_database, "we`ird table".Replace("`", "``", StringComparison.Ordinal), "ST_AsText(g)");
        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value), ExportHarness.ReadRecords(result).OrderBy(r => r[0], StringComparer.Ordinal).Select(r => r[1]));
    }

    [Fact]
    public async Task A_cancelled_export_leaves_no_parts()
    {
        var server = await SharedMariaDb.GetAsync();
        await server.ExecuteAsync("CREATE TABLE big (id INT PRIMARY KEY, s VARCHAR(100)); INSERT INTO big SELECT seq, MD5(seq) FROM seq_1_to_50000;", _database);
        using var cancellation = new CancellationTokenSource();
        var options = new TableExportOptions
        {
            Connection = await ExportHarness.ConnectionAsync(_database),
            Query = new TableQuery { Database = _database, Table = "big" },
            ChunkSize = 8 * 1024,
            Parts = new Core.Stage.PartWriterOptions { PartSizeBytes = 16 * 1024 },
        };
        var progress = new CancelAfterRows(cancellation, rows: 20_000);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            TableExporter.ExportAsync(options, new Core.Stage.LocalFolderStagingStore(_harness.Folder), progress, cancellation.Token));

        Assert.True(progress.Reports > 0);
        Assert.Empty(_harness.PartFiles());
    }

    /// <summary>Cancels from the progress callback, which the exporter calls synchronously between chunks.</summary>
    private sealed class CancelAfterRows(CancellationTokenSource cancellation, long rows) : IProgress<ExportProgress>
    {
        public int Reports { get; private set; }

        public void Report(ExportProgress value)
        {
            Reports++;
            if (value.Rows >= rows)
            {
                cancellation.Cancel();
            }
        }
    }
}
