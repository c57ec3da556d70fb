using System.Net;
using BatchSync.BigQuery.Auth;
using BatchSync.BigQuery.Http;
using BatchSync.BigQuery.Tables;
using BatchSync.Core.Schema;
using BatchSync.Core.Workflows.Model;
using static BatchSync.BigQuery.Tests.Support.BigQueryTestEnvironment;

namespace BatchSync.BigQuery.Tests;

public sealed class RetryTests
{
    private static readonly TableDefinition Items = new(Schema(("id", BigQueryType.Int64)));

    /// <summary>Adds column c<paramref name="column"/> to items: one table update.</summary>
    private static async Task<BigQueryTable> AddColumnAsync(BigQueryDestination client, int column)
    {
        var table = await client.Tables.GetAsync(Table("items"), CancellationToken.None) ?? throw new InvalidOperationException("items is missing");
        return await client.Tables.AddColumnsAsync(table, [new BigQueryField($"c{column}", BigQueryType.String)], CancellationToken.None);
    }

    [Fact]
    public async Task Rate_limited_table_updates_are_retried_with_backoff_until_the_window_passes()
    {
        await using var env = await StartAsync();
        await env.Destination.EnsureDestinationAsync(Spec("items", Items, LoadMode.Append), CancellationToken.None);
        for (var i = 1; i <= 5; i++)
        {
            await AddColumnAsync(env.Destination, i);
        }

        var waitedBefore = env.Fake.Clock.TotalWaited;
        var table = await AddColumnAsync(env.Destination, 6);

        Assert.Equal(7, table.Definition.Schema.Fields.Count);
        Assert.True(env.Fake.Requests.Count(request => request.StartsWith("PATCH ", StringComparison.Ordinal)) > 6, "the sixth update must have been refused at least once");
        Assert.True(env.Fake.Clock.TotalWaited - waitedBefore > TimeSpan.Zero);
    }

    [Fact]
    public async Task Without_retries_a_rate_limit_surfaces_with_its_reason()
    {
        await using var env = await StartAsync();
        var client = env.NewDestination(maxAttempts: 1);
        await client.EnsureDestinationAsync(Spec("items", Items, LoadMode.Append), CancellationToken.None);
        for (var i = 1; i <= 5; i++)
        {
            await AddColumnAsync(client, i);
        }

        var error = await Assert.ThrowsAsync<BigQueryException>(() => AddColumnAsync(client, 6));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal("rateLimitExceeded", error.Reason);
        Assert.StartsWith("Adding columns to table batchsync-test.warehouse.items failed (HTTP 403) with reason 'rateLimitExceeded': Exceeded rate limits", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(500, "backendError")]
    [InlineData(503, "backendError")]
    [InlineData(500, "internalError")]
    [InlineData(429, "rateLimitExceeded")]
    public async Task Transient_errors_are_retried(int status, string reason)
    {
        await using var env = await StartAsync();
        env.Fake.Faults.FailNext("/tables", 3, status, reason);

        var table = await env.Destination.EnsureDestinationAsync(Spec("items", Items, LoadMode.Append), CancellationToken.None);

        Assert.Equal("items", table.Id.TableName);
        Assert.Equal(3, env.Fake.Faults.Injected);
    }

    [Fact]
    public async Task Invalid_requests_are_not_retried()
    {
        await using var env = await StartAsync();
        var clusteredOnNothing = Items with { Clustering = ["missing"] };

        var error = await Assert.ThrowsAsync<BigQueryException>(() => env.Destination.Tables.CreateAsync(Table("items"), clusteredOnNothing, CancellationToken.None));

        Assert.Equal("invalid", error.Reason);
        Assert.Contains("clustering cannot be found in the schema: missing", error.Message, StringComparison.Ordinal);
        Assert.Single(env.Fake.Requests, request => request.StartsWith("POST ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_rejected_token_fails_once_and_is_not_echoed()
    {
        await using var env = await StartAsync();

        var error = await Assert.ThrowsAsync<BigQueryException>(() => env.NewDestination(token: "stale-secret-token").Tables.GetAsync(Table("items"), CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.DoesNotContain("stale-secret-token", error.ToString(), StringComparison.Ordinal);
        Assert.Single(env.Fake.Requests);
    }

    [Fact]
    public async Task Retry_options_are_validated_when_the_client_is_built()
    {
        await using var env = await StartAsync();
        using var http = new HttpClient();
        var options = env.Options() with { Retry = new RetryOptions { MaxAttempts = 0 } };

        Assert.Throws<ArgumentOutOfRangeException>(() => new BigQueryDestination(http, new StaticAccessTokenSource("t"), options, Staging));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BigQueryDestination(http, new StaticAccessTokenSource("t"), env.Options() with { UploadChunkSize = 1000 }, Staging));
    }
}
