using BatchSync.BigQuery.Finishing;
using BatchSync.BigQuery.Http;
using BatchSync.BigQuery.Jobs;
using BatchSync.BigQuery.Tables;
using BatchSync.BigQuery.Tests.Support;
using BatchSync.Core.Schema;
using BatchSync.Core.Workflows.Model;
using static BatchSync.BigQuery.Tests.Support.BigQueryTestEnvironment;

namespace BatchSync.BigQuery.Tests;

public sealed class FinishTableTests
{
    private static readonly TableDefinition Orders = new(Schema(("id", BigQueryType.Int64), ("day", BigQueryType.Date), ("amount", BigQueryType.Numeric)))
    {
        TimePartitioning = new TimePartitioning(TimePartitioningType.Day, "day"),
        Clustering = ["id"],
    };

    private static List<string> Lines(IReadOnlyList<IReadOnlyDictionary<string, string?>> rows) =>
        rows.Select(row => $"{row["id"]},{row["day"]},{row["amount"]}").Order(StringComparer.Ordinal).ToList();

    private static async Task SeedDestinationAsync(BigQueryTestEnvironment env, string table, TableDefinition definition, string csv)
    {
        var spec = Spec(table, definition, LoadMode.Replace, "seed");
        await env.Destination.EnsureDestinationAsync(spec, CancellationToken.None);
        var rows = await env.StageAsync(table + "_seed", definition, "seed", csv);
        await env.Destination.LandStagingAsync(spec, Table(table + "_seed"), rows, CancellationToken.None);
    }

    [Fact]
    public async Task Replace_creates_a_missing_destination_with_its_partitioning_and_clustering()
    {
        await using var env = await StartAsync();
        var rows = await env.StageAsync("orders_stage", Orders, "run-1", "1,2026-11-20,1.5\n", "2,2026-11-21,2\n");

        var result = await env.Destination.LandStagingAsync(Spec("orders", Orders, LoadMode.Replace), Table("orders_stage"), rows, CancellationToken.None);

        Assert.Equal(2, result.StagedRows);
        Assert.True(result.StagingDropped);
        Assert.Null(env.StoredTable("orders_stage"));
        Assert.Equal(["1,2026-11-20,1.5", "2,2026-11-21,2"], Lines(env.Rows("orders")));
        var table = await env.Destination.Tables.GetAsync(Table("orders"), CancellationToken.None);
        Assert.Equal(new TimePartitioning(TimePartitioningType.Day, "day"), table!.Definition.TimePartitioning);
        Assert.Equal(["id"], table.Definition.Clustering);
        Assert.Null(table.Definition.ExpirationTime);
    }

    [Fact]
    public async Task Replace_swaps_the_whole_content_and_keeps_the_layout()
    {
        await using var env = await StartAsync();
        await SeedDestinationAsync(env, "orders", Orders, "1,2026-11-01,9\n7,2026-11-02,9\n");
        var rows = await env.StageAsync("orders_stage", Orders, "run-2", "1,2026-11-20,1.5\n2,2026-11-21,2\n");

        await env.Destination.LandStagingAsync(Spec("orders", Orders, LoadMode.Replace, "run-2"), Table("orders_stage"), rows, CancellationToken.None);

        Assert.Equal(["1,2026-11-20,1.5", "2,2026-11-21,2"], Lines(env.Rows("orders")));
        Assert.Equal("time(type:DAY,field:day)", env.StoredTable("orders")!.PartitioningSpec);
    }

    [Fact]
    public async Task Append_adds_the_rows_once_even_when_the_finish_is_retried_by_a_new_process()
    {
        await using var env = await StartAsync();
        await SeedDestinationAsync(env, "orders", Orders, "1,2026-11-01,9\n");
        var rows = await env.StageAsync("orders_stage", Orders, "run-3", "2,2026-11-20,1\n3,2026-11-21,2\n");
        // The first attempt lands the rows but dies before dropping staging (the drop fails here).
        env.Fake.Faults.FailNext("/tables/orders_stage", 1, 403, "accessDenied", "DELETE");
        var first = await env.Destination.LandStagingAsync(Spec("orders", Orders, LoadMode.Append, "run-3"), Table("orders_stage"), rows, CancellationToken.None);

        var second = await env.NewDestination().LandStagingAsync(Spec("orders", Orders, LoadMode.Append, "run-3"), Table("orders_stage"), rows, CancellationToken.None);

        Assert.False(first.StagingDropped);
        Assert.True(second.StagingDropped);
        Assert.Equal(first.JobId, second.JobId);
        Assert.Equal(["1,2026-11-01,9", "2,2026-11-20,1", "3,2026-11-21,2"], Lines(env.Rows("orders")));
    }

    [Theory]
    [InlineData(false, new[] { "1,2026-11-01,10", "2,2026-11-02,20", "3,2026-11-03,30", "4,2026-11-04,40" })]
    [InlineData(true, new[] { "2,2026-11-02,20", "3,2026-11-03,30", "4,2026-11-04,40" })]
    public async Task Merge_updates_matching_keys_inserts_new_ones_and_deletes_missing_only_when_asked(bool deleteMissing, string[] expected)
    {
        await using var env = await StartAsync();
        await SeedDestinationAsync(env, "orders", Orders, "1,2026-11-01,10\n2,2026-11-02,1\n3,2026-11-03,1\n");
        var rows = await env.StageAsync("orders_stage", Orders, "run-4", "2,2026-11-02,20\n3,2026-11-03,30\n4,2026-11-04,40\n");
        var spec = Spec("orders", Orders, LoadMode.Merge, "run-4") with { KeyColumns = ["id"], DeleteMissing = deleteMissing };

        await env.Destination.LandStagingAsync(spec, Table("orders_stage"), rows, CancellationToken.None);

        Assert.Equal(expected, Lines(env.Rows("orders")));
    }

    [Fact]
    public async Task Merge_with_duplicate_keys_in_the_new_data_fails_with_a_message_naming_the_key()
    {
        await using var env = await StartAsync();
        await SeedDestinationAsync(env, "orders", Orders, "1,2026-11-01,10\n");
        var rows = await env.StageAsync("orders_stage", Orders, "run-5", "1,2026-11-02,20\n1,2026-11-03,30\n");
        var spec = Spec("orders", Orders, LoadMode.Merge, "run-5") with { KeyColumns = ["id"] };

        var error = await Assert.ThrowsAsync<BigQueryException>(() => env.Destination.LandStagingAsync(spec, Table("orders_stage"), rows, CancellationToken.None));

        Assert.Contains("more than one row for one key (id)", error.Message, StringComparison.Ordinal);
        Assert.Equal(["1,2026-11-01,10"], Lines(env.Rows("orders")));
    }

    [Fact]
    public async Task Delete_in_advance_replaces_one_partition_and_leaves_the_others()
    {
        await using var env = await StartAsync();
        await SeedDestinationAsync(env, "orders", Orders, "1,2026-11-20,1\n2,2026-11-21,1\n3,2026-11-21,1\n");
        var rows = await env.StageAsync("orders_stage", Orders, "run-6", "4,2026-11-21,5\n");

        await env.Destination.LandStagingAsync(Spec("orders$20261121", Orders, LoadMode.DeleteInAdvance, "run-6"), Table("orders_stage"), rows, CancellationToken.None);

        Assert.Equal(["1,2026-11-20,1", "4,2026-11-21,5"], Lines(env.Rows("orders")));
    }

    [Fact]
    public async Task Delete_in_advance_copies_only_that_partition_of_staging()
    {
        await using var env = await StartAsync();
        await SeedDestinationAsync(env, "orders", Orders, "1,2026-11-21,1\n");
        var rows = await env.StageAsync("orders_stage", Orders, "run-9", "2,2026-11-21,2\n");

        var result = await env.Destination.LandStagingAsync(Spec("orders$20261121", Orders, LoadMode.DeleteInAdvance, "run-9"), Table("orders_stage"), rows, CancellationToken.None);

        Assert.Equal("orders_stage$20261121", env.Fake.JobConfiguration(result.JobId)["copy"]!["sourceTable"]!["tableId"]!.GetValue<string>());
        Assert.Equal(["2,2026-11-21,2"], Lines(env.Rows("orders")));
    }

    [Theory]
    [InlineData("4,2026-11-22,5\n", 1)]
    [InlineData("4,2026-11-22,5\n5,2026-11-21,6\n6,,7\n7,2025-11-21,8\n", 3)]
    public async Task Delete_in_advance_refuses_rows_of_another_partition_and_says_how_many(string staged, int outside)
    {
        await using var env = await StartAsync();
        await SeedDestinationAsync(env, "orders", Orders, "1,2026-11-21,1\n");
        var rows = await env.StageAsync("orders_stage", Orders, "run-7", staged);

        var error = await Assert.ThrowsAsync<BigQueryException>(() => env.Destination.LandStagingAsync(Spec("orders$20261121", Orders, LoadMode.DeleteInAdvance, "run-7"), Table("orders_stage"), rows, CancellationToken.None));

        Assert.Contains($"{outside} staged row(s) for {Project}.{Dataset}.orders$20261121 fall outside partition 20261121 (column day)", error.Message, StringComparison.Ordinal);
        Assert.Contains("where", error.Message, StringComparison.Ordinal);
        Assert.Equal(["1,2026-11-21,1"], Lines(env.Rows("orders")));
    }

    [Theory]
    [InlineData(TimePartitioningType.Hour, BigQueryType.Timestamp, "2026112103", "2026-11-21 03:59:59 UTC", "2026-11-21 04:00:00 UTC")]
    [InlineData(TimePartitioningType.Day, BigQueryType.DateTime, "20261121", "2026-11-21 23:59:59", "2026-11-22 00:00:00")]
    [InlineData(TimePartitioningType.Month, BigQueryType.Date, "202611", "2026-11-30", "2026-12-01")]
    [InlineData(TimePartitioningType.Year, BigQueryType.Timestamp, "2026", "2026-12-31 23:59:59+00:00", "2026-12-31 23:30:00-01:00")]
    public async Task The_partition_check_places_rows_as_BigQuery_does_for_every_time_unit_and_column_type(TimePartitioningType unit, BigQueryType type, string partition, string inside, string outsideValue)
    {
        var definition = new TableDefinition(Schema(("id", BigQueryType.Int64), ("at", type))) { TimePartitioning = new TimePartitioning(unit, "at") };
        await using var env = await StartAsync();
        var rows = await env.StageAsync("events_stage", definition, "run-10", $"1,{inside}\n2,{outsideValue}\n");

        var error = await Assert.ThrowsAsync<BigQueryException>(() => env.Destination.LandStagingAsync(Spec($"events${partition}", definition, LoadMode.DeleteInAdvance, "run-10"), Table("events_stage"), rows, CancellationToken.None));
        var insideOnly = await env.StageAsync("events_stage2", definition, "run-11", $"1,{inside}\n");
        var landed = await env.Destination.LandStagingAsync(Spec($"events${partition}", definition, LoadMode.DeleteInAdvance, "run-11"), Table("events_stage2"), insideOnly, CancellationToken.None);

        Assert.Contains($"1 staged row(s) for {Project}.{Dataset}.events${partition} fall outside partition {partition}", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, landed.StagedRows);
        Assert.Single(env.Rows("events"));
    }

    [Fact]
    public async Task A_partition_decorator_that_does_not_fit_the_partitioning_fails_before_anything_lands()
    {
        await using var env = await StartAsync();
        var rows = await env.StageAsync("orders_stage", Orders, "run-12", "2,2026-11-21,2\n");

        var error = await Assert.ThrowsAsync<DestinationLayoutException>(() => env.Destination.LandStagingAsync(Spec("orders$202611", Orders, LoadMode.DeleteInAdvance, "run-12"), Table("orders_stage"), rows, CancellationToken.None));

        Assert.Contains("does not name a DAY partition ($YYYYMMDD)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_in_advance_replaces_a_date_shard_table()
    {
        var plain = new TableDefinition(Orders.Schema);
        await using var env = await StartAsync();
        await SeedDestinationAsync(env, "orders_20261121", plain, "1,2026-11-21,1\n");
        var rows = await env.StageAsync("orders_stage", plain, "run-8", "2,2026-11-21,2\n3,2026-11-21,3\n");

        await env.Destination.LandStagingAsync(Spec("orders_20261121", plain, LoadMode.DeleteInAdvance, "run-8"), Table("orders_stage"), rows, CancellationToken.None);

        Assert.Equal(["2,2026-11-21,2", "3,2026-11-21,3"], Lines(env.Rows("orders_20261121")));
    }

    [Fact]
    public async Task A_row_count_mismatch_fails_before_anything_lands()
    {
        await using var env = await StartAsync();
        await SeedDestinationAsync(env, "orders", Orders, "1,2026-11-01,9\n");
        var rows = await env.StageAsync("orders_stage", Orders, "run-9", "2,2026-11-20,1\n");

        var error = await Assert.ThrowsAsync<RowCountMismatchException>(() => env.Destination.LandStagingAsync(Spec("orders", Orders, LoadMode.Replace, "run-9"), Table("orders_stage"), rows + 1, CancellationToken.None));

        Assert.Equal(2, error.SourceRows);
        Assert.Equal(1, error.LoadedRows);
        Assert.Equal(["1,2026-11-01,9"], Lines(env.Rows("orders")));
    }

    [Fact]
    public async Task An_invalid_row_fails_the_table_with_BigQuerys_message_and_leaves_the_destination_untouched()
    {
        await using var env = await StartAsync();
        await SeedDestinationAsync(env, "orders", Orders, "1,2026-11-01,9\n");
        var staging = Table("orders_stage");
        await env.Destination.CreateStagingTableAsync(staging, Orders, TimeSpan.FromDays(1), CancellationToken.None);
        await env.Destination.LoadPartAsync(staging, Gzip.Opener(Gzip.Compress("2,2026-11-20,1\n")), JobIds.Create("run-10", "orders", 0, "load"), Orders.Schema, CancellationToken.None);

        var error = await Assert.ThrowsAsync<BigQueryException>(() => env.Destination.LoadPartAsync(staging, Gzip.Opener(Gzip.Compress("3,2026-11-20,1\n4,not-a-date,1\n")), JobIds.Create("run-10", "orders", 1, "load"), Orders.Schema, CancellationToken.None));

        Assert.Contains("Could not parse 'not-a-date' as DATE for field day", error.Message, StringComparison.Ordinal);
        Assert.Single(env.Rows("orders_stage"));
        Assert.Equal(["1,2026-11-01,9"], Lines(env.Rows("orders")));
    }

    [Fact]
    public void Merge_specs_need_key_columns_from_the_schema()
    {
        var spec = Spec("orders", Orders, LoadMode.Merge) with { KeyColumns = ["order_id"] };

        var error = Assert.Throws<ArgumentException>(spec.Validate);

        Assert.Contains("order_id", error.Message, StringComparison.Ordinal);
    }
}
