using System.Text.Json.Nodes;
using BatchSync.BigQuery.Fake;
using BatchSync.BigQuery.Http;
using BatchSync.BigQuery.Tables;
using BatchSync.BigQuery.Tests.Support;
using BatchSync.Core.Schema;
using BatchSync.Core.Workflows.Model;
using static BatchSync.BigQuery.Tests.Support.BigQueryTestEnvironment;

namespace BatchSync.BigQuery.Tests;

/// <summary>Runs that share a run id, retry a landing, or resume: every row lands once (issue: exactly once).</summary>
public sealed class ExactlyOnceTests
{
    [Fact]
    public async Task Two_workflows_on_one_schedule_load_a_table_of_the_same_name_into_their_own_datasets()
    {
        await using var env = await StartAsync();
        env.Fake.AddDataset(Project, "warehouse_eu_shop", Location);
        // Scheduled runs take the schedule's time as run id, so both workflows run as the same run id.
        var first = RunTables.Manifest("shop_jp", "2026-12-07T03-00-00Z", Dataset, "orders");
        var second = RunTables.Manifest("shop_eu", "2026-12-07T03-00-00Z", "warehouse_eu_shop", "orders");

        var firstRows = await RunTables.RunAsync(env.Destination, first, await RunTables.StageAsync(first, "1,jp one\n2,jp two\n"));
        var secondRows = await RunTables.RunAsync(env.Destination, second, await RunTables.StageAsync(second, "7,eu seven\n8,eu eight\n"));

        Assert.Equal((2, 2), (firstRows, secondRows));
        Assert.Equal(["1", "2"], env.Fake.Rows(Project, Dataset, "orders").Select(row => row["id"]).Order());
        Assert.Equal(["7", "8"], env.Fake.Rows(Project, "warehouse_eu_shop", "orders").Select(row => row["id"]).Order());
    }

    private static readonly TableDefinition Orders = new(Schema(("id", BigQueryType.Int64), ("name", BigQueryType.String)));

    private static List<string> Ids(BigQueryTestEnvironment env, string table) => [.. env.Rows(table).Select(row => row["id"]!).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task Rerunning_the_run_id_repairs_a_landing_whose_job_failed_inside_BigQuery()
    {
        await using var env = await StartAsync();
        var rows = await env.StageAsync("orders_stage", Orders, "run-1", "1,a\n2,b\n");
        // Accepted, then DONE with a permanent errorResult: the job id now belongs to a failed job for good.
        env.Fake.Faults.FailNextJobs("copy", 1, "accessDenied", "Access Denied: Table batchsync-test:warehouse.orders: Permission bigquery.tables.updateData denied.");
        var spec = Spec("orders", Orders, LoadMode.Append, "run-1") with { Workflow = "shop" };

        var failed = await Assert.ThrowsAsync<BigQueryException>(() => env.Destination.LandStagingAsync(spec, Table("orders_stage"), rows, CancellationToken.None));
        var repaired = await env.NewDestination().LandStagingAsync(spec, Table("orders_stage"), rows, CancellationToken.None);
        var again = await env.NewDestination().LandStagingAsync(spec, Table("orders_stage"), rows, CancellationToken.None);

        Assert.Equal("accessDenied", failed.Reason);
        Assert.Equal(repaired.JobId, again.JobId);
        Assert.Equal(["1", "2"], Ids(env, "orders"));
    }

    [Theory]
    [InlineData("backendError")]
    [InlineData("internalError")]
    public async Task A_landing_job_that_failed_transiently_inside_BigQuery_is_retried_under_the_next_job_id(string reason)
    {
        await using var env = await StartAsync();
        var rows = await env.StageAsync("orders_stage", Orders, "run-2", "1,a\n2,b\n3,c\n");
        env.Fake.Faults.FailNextJobs("copy", 2, reason, "An internal error occurred and the request could not be completed.");

        var result = await env.Destination.LandStagingAsync(Spec("orders", Orders, LoadMode.Append, "run-2"), Table("orders_stage"), rows, CancellationToken.None);

        Assert.EndsWith("_retry2", result.JobId[..result.JobId.LastIndexOf('_')], StringComparison.Ordinal);
        Assert.Equal(["1", "2", "3"], Ids(env, "orders"));
    }

    [Fact]
    public async Task A_landing_that_keeps_failing_gives_up_after_a_bounded_number_of_jobs_and_lands_nothing()
    {
        await using var env = await StartAsync();
        var rows = await env.StageAsync("orders_stage", Orders, "run-3", "1,a\n");
        env.Fake.Faults.FailNextJobs("copy", 10, "backendError", "Backend error.");

        var error = await Assert.ThrowsAsync<BigQueryException>(() => env.Destination.LandStagingAsync(Spec("orders", Orders, LoadMode.Append, "run-3"), Table("orders_stage"), rows, CancellationToken.None));

        Assert.Contains("start a new run id", error.Message, StringComparison.Ordinal);
        Assert.Empty(env.Rows("orders"));
    }

    [Fact]
    public async Task Merge_matches_a_NULL_key_so_the_next_run_updates_that_row_instead_of_inserting_it_again()
    {
        await using var env = await StartAsync();
        var spec = Spec("customers", Orders, LoadMode.Merge, "run-4") with { KeyColumns = ["name"] };
        var first = await env.StageAsync("customers_stage_1", Orders, "run-4", "1,\n2,b\n");
        await env.Destination.LandStagingAsync(spec, Table("customers_stage_1"), first, CancellationToken.None);
        var second = await env.StageAsync("customers_stage_2", Orders, "run-5", "3,\n4,b\n");

        await env.Destination.LandStagingAsync(spec with { RunId = "run-5" }, Table("customers_stage_2"), second, CancellationToken.None);

        Assert.Equal(["3,", "4,b"], env.Rows("customers").Select(row => $"{row["id"]},{row["name"]}").Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("5,a\n")]
    [InlineData("")]
    public async Task Merge_fails_the_table_when_the_new_data_holds_a_key_twice_whether_or_not_it_matches(string destinationRows)
    {
        await using var env = await StartAsync();
        var spec = Spec("customers", Orders, LoadMode.Merge, "run-6") with { KeyColumns = ["id"] };
        if (destinationRows.Length > 0)
        {
            var seeded = await env.StageAsync("customers_seed", Orders, "seed", destinationRows);
            await env.Destination.LandStagingAsync(spec with { RunId = "seed" }, Table("customers_seed"), seeded, CancellationToken.None);
        }

        var rows = await env.StageAsync("customers_stage", Orders, "run-6", "5,x\n5,y\n6,z\n");

        var error = await Assert.ThrowsAsync<BigQueryException>(() => env.Destination.LandStagingAsync(spec, Table("customers_stage"), rows, CancellationToken.None));

        Assert.Contains("more than one row for one key (id)", error.Message, StringComparison.Ordinal);
        Assert.Equal(destinationRows.Length > 0 ? ["5,a"] : [], env.Rows("customers").Select(row => $"{row["id"]},{row["name"]}"));
    }

    [Fact]
    public async Task The_fake_enforces_the_per_table_load_job_quota_counting_failed_jobs()
    {
        await using var env = await StartAsync();
        env.Fake.Options.LoadJobsPerTablePerDay = 3;
        var staging = Table("orders_stage");
        await env.Destination.CreateStagingTableAsync(staging, Orders, TimeSpan.FromDays(1), CancellationToken.None);
        await env.Destination.LoadPartAsync(staging, Gzip.Opener(Gzip.Compress("1,a\n")), "part_0", Orders.Schema, CancellationToken.None);
        await Assert.ThrowsAsync<BigQueryException>(() => env.Destination.LoadPartAsync(staging, Gzip.Opener(Gzip.Compress("2,a,extra\n")), "part_1", Orders.Schema, CancellationToken.None));
        await env.Destination.LoadPartAsync(staging, Gzip.Opener(Gzip.Compress("3,a\n")), "part_2", Orders.Schema, CancellationToken.None);

        var error = await Assert.ThrowsAsync<BigQueryException>(() => env.Destination.LoadPartAsync(staging, Gzip.Opener(Gzip.Compress("4,a\n")), "part_3", Orders.Schema, CancellationToken.None));

        Assert.Equal("quotaExceeded", error.Reason);
        Assert.Equal(["1", "3"], Ids(env, "orders_stage"));
    }

    /// <summary>A destination a user curated: column order, descriptions, a policy tag, maxLength and a primary key.</summary>
    private static FakeTable CuratedOrders(BigQueryTestEnvironment env, params FakeColumn[] columns)
    {
        var table = new FakeTable(Project, Dataset, "orders")
        {
            Schema = [.. columns],
            Description = "Orders, curated by the analytics team",
            TableConstraints = JsonNode.Parse("""{"primaryKey":{"columns":["id"]}}""")!.AsObject(),
        };
        env.Fake.State.Tables[table.Key] = table;
        return table;
    }

    private static FakeColumn Column(string name, string type, string extraJson) =>
        new(name, type, "NULLABLE") { Field = JsonNode.Parse($$"""{"name":"{{name}}","type":"{{type}}"{{extraJson}}}""")!.AsObject() };

    private static readonly FakeColumn CuratedName = Column("name", "STRING", ",\"description\":\"Customer-facing name\",\"maxLength\":\"80\",\"policyTags\":{\"names\":[\"projects/p/locations/us/taxonomies/1/policyTags/2\"]}");

    private static readonly FakeColumn CuratedId = Column("id", "INT64", ",\"description\":\"Order id\"");

    [Fact]
    public async Task Replace_keeps_the_destinations_column_order_descriptions_policy_tags_and_constraints()
    {
        await using var env = await StartAsync();
        CuratedOrders(env, CuratedName, CuratedId);
        var manifest = RunTables.Manifest("shop", "run-7", Dataset, "orders");

        await RunTables.RunAsync(env.Destination, manifest, await RunTables.StageAsync(manifest, "1,a\n2,b\n"));

        var landed = env.Fake.Table(Project, Dataset, "orders")!.ToJson();
        Assert.Equal(["1", "2"], Ids(env, "orders"));
        Assert.Equal(CuratedName.ToJson().ToJsonString(), landed["schema"]!["fields"]![0]!.ToJsonString());
        Assert.Equal(CuratedId.ToJson().ToJsonString(), landed["schema"]!["fields"]![1]!.ToJsonString());
        Assert.Equal("""{"primaryKey":{"columns":["id"]}}""", landed["tableConstraints"]?.ToJsonString());
        Assert.Equal("Orders, curated by the analytics team", landed["description"]?.GetValue<string>());
    }

    [Fact]
    public async Task A_new_column_is_appended_and_every_existing_field_is_sent_back_unchanged()
    {
        await using var env = await StartAsync();
        CuratedOrders(env, CuratedId);
        var manifest = RunTables.Manifest("shop", "run-8", Dataset, "orders", LoadMode.Append);

        await RunTables.RunAsync(env.Destination, manifest, await RunTables.StageAsync(manifest, "1,a\n"));

        var fields = env.Fake.Table(Project, Dataset, "orders")!.ToJson()["schema"]!["fields"]!.AsArray();
        Assert.Equal(CuratedId.ToJson().ToJsonString(), fields[0]!.ToJsonString());
        Assert.Equal("name", fields[1]!["name"]!.GetValue<string>());
        Assert.Equal(2, fields.Count);
    }

    [Fact]
    public async Task The_fake_refuses_WRITE_TRUNCATE_DATA_for_a_copy_job_as_the_discovery_document_lists_it_for_load_and_query_only()
    {
        await using var env = await StartAsync();
        await env.StageAsync("orders_stage", Orders, "run-9", "1,a\n");
        var copy = new JsonObject
        {
            ["copy"] = new JsonObject
            {
                ["sourceTable"] = Table("orders_stage").ToJson(),
                ["destinationTable"] = Table("orders_copy").ToJson(),
                ["writeDisposition"] = "WRITE_TRUNCATE_DATA",
            },
        };

        var error = await Assert.ThrowsAsync<BigQueryException>(() => env.Destination.Jobs.InsertAsync(env.Destination.Jobs.Reference("copy_1"), copy, CancellationToken.None));

        Assert.Equal("invalid", error.Reason);
    }
}
