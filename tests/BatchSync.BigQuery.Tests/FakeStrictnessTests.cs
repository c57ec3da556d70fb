using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using BatchSync.BigQuery.Fake;
using static BatchSync.BigQuery.Tests.Support.BigQueryTestEnvironment;

namespace BatchSync.BigQuery.Tests;

/// <summary>The fake must refuse what BigQuery refuses, or a mistake in the client would pass unnoticed.</summary>
public sealed class FakeStrictnessTests : IAsyncLifetime
{
    private FakeBigQueryServer _fake = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync()
    {
        _fake = await FakeBigQueryServer.StartAsync();
        _fake.AddDataset(Project, Dataset, Location);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
    }

    private static JsonObject CopyJob(Action<JsonObject>? edit = null)
    {
        var job = new JsonObject
        {
            ["jobReference"] = new JsonObject { ["projectId"] = Project, ["jobId"] = "job_1", ["location"] = Location },
            ["configuration"] = new JsonObject
            {
                ["copy"] = new JsonObject
                {
                    ["sourceTable"] = new JsonObject { ["projectId"] = Project, ["datasetId"] = Dataset, ["tableId"] = "a" },
                    ["destinationTable"] = new JsonObject { ["projectId"] = Project, ["datasetId"] = Dataset, ["tableId"] = "b" },
                    ["writeDisposition"] = "WRITE_APPEND",
                },
            },
        };
        edit?.Invoke(job);
        return job;
    }

    private async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpMethod method, string path, HttpContent? content, string? contentRange = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(_fake.BaseUri, path)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", FakeBigQueryServer.Token);
        if (contentRange is not null)
        {
            request.Content!.Headers.TryAddWithoutValidation("Content-Range", contentRange);
        }

        using var response = await _http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static StringContent Json(JsonNode node) => new(node.ToJsonString(), Encoding.UTF8, "application/json");

    [Theory]
    [InlineData("writeDispositon", "WRITE_APPEND", "unknown member")]
    [InlineData("writeDisposition", "WRITE_OVERWRITE", "is not one of")]
    [InlineData("createDisposition", "CREATE_IF_MISSING", "is not one of")]
    public async Task Misspelled_members_and_enum_values_are_invalid(string member, string value, string expected)
    {
        var job = CopyJob(job => job["configuration"]!["copy"]![member] = value);

        var (status, body) = await SendAsync(HttpMethod.Post, $"bigquery/v2/projects/{Project}/jobs", Json(job));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("\"reason\":\"invalid\"", body, StringComparison.Ordinal);
        Assert.Contains(expected, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_job_without_location_is_invalid()
    {
        var job = CopyJob(job => job["jobReference"]!.AsObject().Remove("location"));

        var (status, body) = await SendAsync(HttpMethod.Post, $"bigquery/v2/projects/{Project}/jobs", Json(job));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("location", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_time_partitioning_without_its_required_type_is_invalid()
    {
        var table = new JsonObject
        {
            ["tableReference"] = new JsonObject { ["projectId"] = Project, ["datasetId"] = Dataset, ["tableId"] = "t" },
            ["schema"] = new JsonObject { ["fields"] = new JsonArray(new JsonObject { ["name"] = "d", ["type"] = "DATE" }) },
            ["timePartitioning"] = new JsonObject { ["field"] = "d" },
        };

        var (status, body) = await SendAsync(HttpMethod.Post, $"bigquery/v2/projects/{Project}/datasets/{Dataset}/tables", Json(table));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("timePartitioning.type: required member missing", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_query_parameters_are_invalid()
    {
        var (status, _) = await SendAsync(HttpMethod.Get, $"bigquery/v2/projects/{Project}/jobs/x?region={Location}", null);

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task Upload_chunks_must_be_multiples_of_256_KiB_and_contiguous()
    {
        var load = new JsonObject
        {
            ["jobReference"] = new JsonObject { ["projectId"] = Project, ["jobId"] = "load_1", ["location"] = Location },
            ["configuration"] = new JsonObject
            {
                ["load"] = new JsonObject { ["destinationTable"] = new JsonObject { ["projectId"] = Project, ["datasetId"] = Dataset, ["tableId"] = "t" } },
            },
        };
        using var start = new HttpRequestMessage(HttpMethod.Post, new Uri(_fake.BaseUri, $"upload/bigquery/v2/projects/{Project}/jobs?uploadType=resumable")) { Content = Json(load) };
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", FakeBigQueryServer.Token);
        using var started = await _http.SendAsync(start);
        var session = started.Headers.Location!.PathAndQuery.TrimStart('/');

        var (odd, oddBody) = await SendAsync(HttpMethod.Put, session, new ByteArrayContent(new byte[1000]), "bytes 0-999/*");
        var (gap, _) = await SendAsync(HttpMethod.Put, session, new ByteArrayContent(new byte[262144]), "bytes 262144-524287/*");
        var (ok, _) = await SendAsync(HttpMethod.Put, session, new ByteArrayContent(new byte[262144]), "bytes 0-262143/*");

        Assert.Equal(HttpStatusCode.BadRequest, odd);
        Assert.Contains("256 KiB", oddBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, gap);
        Assert.Equal(308, (int)ok);
    }

    [Fact]
    public async Task Statements_other_than_the_clients_merge_are_rejected()
    {
        var job = CopyJob(job => job["configuration"] = new JsonObject
        {
            ["query"] = new JsonObject { ["query"] = $"DELETE FROM `{Project}`.`{Dataset}`.`a` WHERE TRUE", ["useLegacySql"] = false },
        });

        var (status, body) = await SendAsync(HttpMethod.Post, $"bigquery/v2/projects/{Project}/jobs", Json(job));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("\"reason\":\"invalidQuery\"", body, StringComparison.Ordinal);
    }
}
