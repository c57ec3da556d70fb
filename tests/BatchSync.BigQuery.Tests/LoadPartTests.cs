using System.Globalization;
using System.Text;
using BatchSync.BigQuery.Http;
using BatchSync.BigQuery.Jobs;
using BatchSync.BigQuery.Tables;
using BatchSync.BigQuery.Tests.Support;
using BatchSync.Core.Schema;
using static BatchSync.BigQuery.Tests.Support.BigQueryTestEnvironment;

namespace BatchSync.BigQuery.Tests;

public sealed class LoadPartTests
{
    private static readonly TableDefinition People = new(Schema(("id", BigQueryType.Int64), ("name", BigQueryType.String), ("note", BigQueryType.String)));

    /// <summary>Rows with random text so the gzip part spans several 256 KiB chunks.</summary>
    private static (string Csv, List<(string Id, string Name)> Rows) RandomRows(int count, int seed)
    {
        var random = new Random(seed);
        var csv = new StringBuilder();
        var rows = new List<(string, string)>();
        for (var i = 0; i < count; i++)
        {
            var name = Convert.ToBase64String(Enumerable.Range(0, 60).Select(_ => (byte)random.Next(256)).ToArray());
            var id = (seed * 1_000_000 + i).ToString(CultureInfo.InvariantCulture);
            csv.Append(id).Append(',').Append(name).Append(",\"multi\nline, \"\"quoted\"\"\"\n");
            rows.Add((id, name));
        }

        return (csv.ToString(), rows);
    }

    [Fact]
    public async Task Gzip_parts_stream_in_256_KiB_chunks_and_land_every_row_once()
    {
        await using var env = await StartAsync();
        var (first, firstRows) = RandomRows(12000, 1);
        var (second, secondRows) = RandomRows(10, 2);
        var firstBytes = Gzip.Compress(first);
        Assert.True(firstBytes.Length > 2 * 256 * 1024, "the first part must need several chunks");
        var staging = Table("stage_people");

        var loaded1 = await env.Destination.LoadPartAsync(staging, Gzip.Opener(firstBytes), JobIds.Create("r", "people", 0, "load"), People.Schema, CancellationToken.None);
        var loaded2 = await env.Destination.LoadPartAsync(staging, Gzip.Opener(Gzip.Compress(second)), JobIds.Create("r", "people", 1, "load"), People.Schema, CancellationToken.None);

        Assert.Equal(12000, loaded1);
        Assert.Equal(10, loaded2);
        Assert.Equal((firstBytes.Length / (256 * 1024)) + 2, env.Fake.UploadChunksReceived);
        var stored = env.Rows("stage_people");
        Assert.Equal(firstRows.Concat(secondRows).ToList(), stored.Select(row => (row["id"]!, row["name"]!)).ToList());
        Assert.All(stored, row => Assert.Equal("multi\nline, \"quoted\"", row["note"]));
    }

    [Fact]
    public async Task Unquoted_empty_is_null_and_quoted_empty_is_an_empty_string_but_null_for_other_types()
    {
        await using var env = await StartAsync();
        var schema = Schema(("s", BigQueryType.String), ("n", BigQueryType.Int64), ("d", BigQueryType.Date));
        var rows = await env.Destination.LoadPartAsync(Table("nulls"), Gzip.Opener(Gzip.Compress(",,\n\"\",\"\",\"\"\nx,1,2026-11-21\n")), "nulls_job", schema, CancellationToken.None);

        Assert.Equal(3, rows);
        var stored = env.Rows("nulls");
        Assert.Equal([null, string.Empty, "x"], stored.Select(row => row["s"]));
        Assert.Equal([null, null, "1"], stored.Select(row => row["n"]));
        Assert.Equal([null, null, "2026-11-21"], stored.Select(row => row["d"]));
    }

    [Theory]
    [InlineData(BigQueryType.Int64, "12x", "Could not parse '12x' as INT64 for field v (position 1)")]
    [InlineData(BigQueryType.Int64, "9223372036854775808", "as INT64")]
    [InlineData(BigQueryType.Float64, "1.2.3", "as FLOAT64")]
    [InlineData(BigQueryType.Numeric, "1.0000000001", "as NUMERIC")]
    [InlineData(BigQueryType.Numeric, "123456789012345678901234567890", "as NUMERIC")]
    [InlineData(BigQueryType.BigNumeric, "1e40", "as BIGNUMERIC")]
    [InlineData(BigQueryType.Bool, "maybe", "as BOOL")]
    [InlineData(BigQueryType.Date, "2026-02-30", "as DATE")]
    [InlineData(BigQueryType.Date, "0000-00-00", "as DATE")]
    [InlineData(BigQueryType.Time, "24:00:00", "as TIME")]
    [InlineData(BigQueryType.DateTime, "2026-11-21 10:00:00+09:00", "as DATETIME")]
    [InlineData(BigQueryType.Timestamp, "2026-11-21 10:00:00 JST", "as TIMESTAMP")]
    [InlineData(BigQueryType.Bytes, "abc", "as BYTES")]
    [InlineData(BigQueryType.Json, "{\"a\":", "as JSON")]
    public async Task A_value_BigQuery_cannot_parse_fails_the_load_with_its_row_and_position(BigQueryType type, string value, string expected)
    {
        await using var env = await StartAsync();
        var schema = Schema(("id", BigQueryType.Int64), ("v", type));
        var csv = $"1,\n2,\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"\n";

        var error = await Assert.ThrowsAsync<BigQueryException>(() => env.Destination.LoadPartAsync(Table("bad"), Gzip.Opener(Gzip.Compress(csv)), "bad_job", schema, CancellationToken.None));

        Assert.Equal("invalid", error.Reason);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("Rows: 2", error.Message, StringComparison.Ordinal);
        Assert.Equal("row 2, position 3", error.Location);
        Assert.Null(env.StoredTable("bad"));
    }

    [Fact]
    public async Task A_quoted_empty_field_loads_as_an_empty_STRING_or_BYTES_value_and_an_unquoted_one_as_NULL()
    {
        // JobConfigurationLoad.nullMarker (discovery document): "For STRING and BYTE columns, BigQuery interprets
        // the empty string as an empty value"; with the default marker an unquoted empty field is NULL.
        await using var env = await StartAsync();
        var schema = Schema(("id", BigQueryType.Int64), ("s", BigQueryType.String), ("b", BigQueryType.Bytes));

        await env.Destination.LoadPartAsync(Table("empties"), Gzip.Opener(Gzip.Compress("1,\"\",\"\"\n2,,\n")), "empties_job", schema, CancellationToken.None);

        var rows = env.Rows("empties").OrderBy(row => row["id"], StringComparer.Ordinal).ToList();
        Assert.Equal(("", ""), (rows[0]["s"], rows[0]["b"]));
        Assert.Equal((null, null), (rows[1]["s"], rows[1]["b"]));
    }

    [Theory]
    [InlineData(BigQueryType.Numeric, "-12345678901234567890123456789.123456789")]
    [InlineData(BigQueryType.BigNumeric, "12345678901234567890123456789012345678.5")]
    [InlineData(BigQueryType.Bool, "TRUE")]
    [InlineData(BigQueryType.Bool, "0")]
    [InlineData(BigQueryType.Time, "23:59:59.999999")]
    [InlineData(BigQueryType.DateTime, "2026-11-21T10:00:00.123456")]
    [InlineData(BigQueryType.Timestamp, "2026-11-21 10:00:00.5+09:00")]
    [InlineData(BigQueryType.Bytes, "AAEC/w==")]
    [InlineData(BigQueryType.Json, "{\"a\":[1,2]}")]
    [InlineData(BigQueryType.Float64, "-1.5e-7")]
    public async Task Values_in_BigQuery_CSV_form_load(BigQueryType type, string value)
    {
        await using var env = await StartAsync();
        var csv = $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"\n";

        var rows = await env.Destination.LoadPartAsync(Table("good"), Gzip.Opener(Gzip.Compress(csv)), "good_job", Schema(("v", type)), CancellationToken.None);

        Assert.Equal(1, rows);
    }

    [Theory]
    [InlineData("1,\"a\"b\n", "Data between close double quote")]
    [InlineData("1,\"open\n", "Missing close double quote")]
    [InlineData("1,a,b\n", "Too many values")]
    [InlineData("1\n", "contains only 1 columns")]
    public async Task Malformed_CSV_fails_the_load(string csv, string expected)
    {
        await using var env = await StartAsync();

        var error = await Assert.ThrowsAsync<BigQueryException>(() => env.Destination.LoadPartAsync(Table("bad_csv"), Gzip.Opener(Gzip.Compress(csv)), "bad_csv_job", Schema(("id", BigQueryType.Int64), ("s", BigQueryType.String)), CancellationToken.None));

        Assert.Equal("invalid", error.Reason);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retried_load_with_the_same_job_id_finds_the_job_and_does_not_load_again()
    {
        await using var env = await StartAsync();
        var bytes = Gzip.Compress("1,a,\n2,b,\n");
        var jobId = JobIds.Create("run-7", "people", 0, "load");
        await env.Destination.LoadPartAsync(Table("stage"), Gzip.Opener(bytes), jobId, People.Schema, CancellationToken.None);
        var chunksBefore = env.Fake.UploadChunksReceived;

        // The process died after inserting the job but before recording its status; a new process retries the step.
        var opened = 0;
        var rows = await env.NewDestination().LoadPartAsync(Table("stage"), Gzip.CountingOpener(bytes, () => opened++), jobId, People.Schema, CancellationToken.None);

        Assert.Equal(2, rows);
        Assert.Equal(0, opened);
        Assert.Equal(chunksBefore, env.Fake.UploadChunksReceived);
        Assert.Equal(["1", "2"], env.Rows("stage").Select(row => row["id"]));
    }

    [Fact]
    public async Task A_job_that_appears_while_uploading_is_used_instead_of_a_second_load()
    {
        await using var env = await StartAsync();
        var bytes = Gzip.Compress("1,a,\n");
        var jobId = JobIds.Create("run-8", "people", 0, "load");
        await env.Destination.LoadPartAsync(Table("stage"), Gzip.Opener(bytes), jobId, People.Schema, CancellationToken.None);

        // This attempt finds no job when it checks (the other attempt had not finished yet), uploads, and BigQuery
        // answers the final chunk with 409: it must take the existing job, not load the rows again.
        env.Fake.Faults.FailNext($"/jobs/{jobId}", 1, 404, "notFound", "GET");
        var rows = await env.NewDestination().LoadPartAsync(Table("stage"), Gzip.Opener(bytes), jobId, People.Schema, CancellationToken.None);

        Assert.Equal(1, rows);
        Assert.Single(env.Rows("stage"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_connection_dropped_mid_upload_resumes_from_what_BigQuery_holds(bool afterStoring)
    {
        await using var env = await StartAsync();
        var (csv, expected) = RandomRows(10000, 3);
        var bytes = Gzip.Compress(csv);
        env.Fake.Faults.DropUploadConnections(1, afterStoring);

        var rows = await env.Destination.LoadPartAsync(Table("resumed"), Gzip.Opener(bytes), "resumed_job", People.Schema, CancellationToken.None);

        Assert.Equal(expected.Count, rows);
        Assert.Equal(expected, env.Rows("resumed").Select(row => (row["id"]!, row["name"]!)).ToList());
        Assert.Contains(env.Fake.Requests, request => request.StartsWith("PUT /upload/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Backend_errors_when_opening_the_upload_session_are_retried()
    {
        await using var env = await StartAsync();
        env.Fake.Faults.FailNext("/upload/", 2, 503, "backendError", "POST");

        var rows = await env.Destination.LoadPartAsync(Table("retried"), Gzip.Opener(Gzip.Compress("1,a,b\n")), "retried_job", People.Schema, CancellationToken.None);

        Assert.Equal(1, rows);
        Assert.Equal(2, env.Fake.Faults.Injected);
    }

    [Fact]
    public async Task A_job_in_another_location_than_the_dataset_is_not_found()
    {
        await using var env = await StartAsync();

        var error = await Assert.ThrowsAsync<BigQueryException>(() => env.NewDestination(location: "EU").LoadPartAsync(Table("elsewhere"), Gzip.Opener(Gzip.Compress("1,a,b\n")), "eu_job", People.Schema, CancellationToken.None));

        Assert.Equal("notFound", error.Reason);
        Assert.Contains("was not found in location EU", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Jobs_are_polled_until_done()
    {
        await using var env = await StartAsync();
        env.Fake.Options.PollsBeforeDone = 3;

        var rows = await env.Destination.LoadPartAsync(Table("polled"), Gzip.Opener(Gzip.Compress("1,a,b\n2,c,d\n")), "polled_job", People.Schema, CancellationToken.None);

        Assert.Equal(2, rows);
        Assert.Equal(4, env.Fake.Requests.Count(request => request.StartsWith("GET /bigquery/v2/projects/batchsync-test/jobs/polled_job", StringComparison.Ordinal)) - 1);
    }

    [Fact]
    public async Task Control_characters_are_rejected_unless_preserved()
    {
        await using var env = await StartAsync();
        var bytes = Gzip.Compress("1,\"a\0b\",c\n");

        await Assert.ThrowsAsync<BigQueryException>(() => env.Destination.LoadPartAsync(Table("ctl"), Gzip.Opener(bytes), "ctl_job_1", People.Schema, new Loading.CsvLoadOptions { PreserveAsciiControlCharacters = false }, CancellationToken.None));
        // The default follows the CSV writer, which writes control characters as they are.
        var rows = await env.Destination.LoadPartAsync(Table("ctl"), Gzip.Opener(bytes), "ctl_job_2", People.Schema, CancellationToken.None);

        Assert.Equal(1, rows);
        Assert.Equal("a\0b", env.Rows("ctl").Single()["name"]);
    }
}
