using System.Globalization;
using BatchSync.Core.Planning;
using BatchSync.Core.Runs;
using BatchSync.Core.Tests.Runs;
using BatchSync.Core.Workflows.Model;

namespace BatchSync.Core.Tests.Planning;

public class RunPlannerTests
{
    private readonly InMemoryRunDocuments _documents = new();

    private RunPlanner Planner(FakeSourceCatalog catalog) => new(() => catalog, new WatermarkStore(_documents));

    [Fact]
    public async Task A_chunked_table_is_split_into_key_ranges_that_cover_every_key_once()
    {
        var catalog = new FakeSourceCatalog().With("orders", rows: 1000, bytes: 100_000, range: new KeyRange(1, 1000));

        var manifest = await Planner(catalog).PlanAsync(TestManifests.Request(4, TestManifests.Table("orders", chunkRows: 300)), default);

        var chunks = manifest.Tables.Single().Items.Select(i => i.Chunk!).ToList();
        Assert.Equal(4, chunks.Count);
        Assert.Null(chunks[0].LowerInclusive);
        Assert.Null(chunks[^1].UpperExclusive);
        for (var i = 1; i < chunks.Count; i++)
        {
            Assert.Equal(chunks[i - 1].UpperExclusive, chunks[i].LowerInclusive);
        }

        // Every key of the table falls into exactly one chunk.
        foreach (var key in new long[] { -5, 1, 250, 251, 500, 999, 1000, 5000 })
        {
            Assert.Single(chunks, c => (c.LowerInclusive is null || key >= c.LowerInclusive) && (c.UpperExclusive is null || key < c.UpperExclusive));
        }

        Assert.Equal(4, manifest.Lanes);
        Assert.Equal([0, 1, 2, 3], manifest.Tables.Single().Items.Select(i => i.Lane).Order());
        Assert.Contains("`id` >= ", manifest.Tables.Single().Items[1].Where, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lanes_are_capped_by_parallelism_and_the_largest_items_are_spread_first()
    {
        var catalog = new FakeSourceCatalog()
            .With("a", 10, 1000).With("b", 10, 900).With("c", 10, 100).With("d", 10, 50);
        var request = TestManifests.Request(2, TestManifests.Table("a"), TestManifests.Table("b"), TestManifests.Table("c"), TestManifests.Table("d"));

        var manifest = await Planner(catalog).PlanAsync(request, default);

        Assert.Equal(2, manifest.Lanes);
        var laneOf = manifest.Tables.ToDictionary(t => t.OutTable, t => t.Items.Single().Lane);
        Assert.NotEqual(laneOf["a"], laneOf["b"]);
        Assert.Equal(0, manifest.Tables.Single(t => t.OutTable == "a").Items.Single().Order);
    }

    [Fact]
    public async Task An_incremental_table_reads_from_the_stored_watermark_up_to_the_maximum_at_plan_time()
    {
        await new WatermarkStore(_documents).WriteAsync("shop_daily", "users", new Watermark("updated_at", "2026-11-20 10:00:00", "r0", DateTimeOffset.UnixEpoch), default);
        var catalog = new FakeSourceCatalog().With("users", 10, 100, max: "2026-11-21 09:30:00");

        var manifest = await Planner(catalog).PlanAsync(TestManifests.Request(1, TestManifests.Table("users", incremental: "updated_at", where: "deleted = 0")), default);

        var table = manifest.Tables.Single();
        Assert.Equal(new IncrementalBounds("updated_at", "2026-11-20 10:00:00", "2026-11-21 09:30:00"), table.Incremental);
        Assert.Equal(
            "(deleted = 0\n) AND `updated_at` > '2026-11-20 10:00:00' AND `updated_at` <= '2026-11-21 09:30:00'",
            table.Items.Single().Where);
    }

    [Fact]
    public async Task A_first_incremental_run_reads_everything_up_to_the_maximum()
    {
        var catalog = new FakeSourceCatalog().With("users", 10, 100, max: "42");

        var manifest = await Planner(catalog).PlanAsync(TestManifests.Request(1, TestManifests.Table("users", incremental: "id")), default);

        Assert.Equal("`id` <= 42", manifest.Tables.Single().Items.Single().Where);
    }

    [Fact]
    public async Task A_table_that_cannot_be_described_fails_alone_and_the_others_are_planned()
    {
        var catalog = new FakeSourceCatalog().With("users", 10, 100);

        var manifest = await Planner(catalog).PlanAsync(TestManifests.Request(2, TestManifests.Table("users"), TestManifests.Table("missing")), default);

        var missing = manifest.Tables.Single(t => t.OutTable == "missing");
        Assert.Empty(missing.Items);
        Assert.Contains("does not exist", missing.PlanError, StringComparison.Ordinal);
        Assert.Single(manifest.Tables.Single(t => t.OutTable == "users").Items);
        Assert.Equal(1, manifest.Lanes);
    }

    [Fact]
    public async Task Chunking_a_table_without_an_integer_key_is_a_table_error()
    {
        var catalog = new FakeSourceCatalog().With("events", 10, 100, key: null);

        var manifest = await Planner(catalog).PlanAsync(TestManifests.Request(2, TestManifests.Table("events", chunkRows: 5)), default);

        Assert.Contains("integer column to split by", manifest.Tables.Single().PlanError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_tables_landing_in_one_out_table_are_refused()
    {
        var catalog = new FakeSourceCatalog().With("users", 10, 100);
        var request = TestManifests.Request(1, TestManifests.Table("users"), TestManifests.Table("users"));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Planner(catalog).PlanAsync(request, default));
        Assert.Contains("same out_table 'users'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bigquery_table_whose_parts_would_exceed_the_per_table_load_job_quota_is_refused_with_the_chunk_rows_that_fit()
    {
        var catalog = new FakeSourceCatalog().With("orders", rows: 100_000, bytes: 10_000_000, range: new KeyRange(1, 100_000));
        var request = TestManifests.Request(4, TestManifests.Table("orders", chunkRows: 10)) with
        {
            Destination = new DestinationSummary(DestinationType.BigQuery, "p", "raw", "US"),
        };

        var manifest = await Planner(catalog).PlanAsync(request, default);

        var table = manifest.Tables.Single();
        Assert.Empty(table.Items);
        Assert.Contains("up to 10,000 parts", table.PlanError, StringComparison.Ordinal);
        Assert.Contains("raise chunk.rows to at least 200 (now 10: 10,000 chunks)", table.PlanError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bigquery_table_whose_size_needs_bigger_parts_is_refused_with_the_part_size_that_fits()
    {
        var catalog = new FakeSourceCatalog().With("events", rows: 1_000_000, bytes: 2_000L * 1024 * 1024 * 1024);
        var table = TestManifests.Table("events") with { Extraction = TestManifests.Settings() with { PartSizeMb = 1 } };
        var request = TestManifests.Request(4, table) with { Destination = new DestinationSummary(DestinationType.BigQuery, "p", "raw", "US") };

        var manifest = await Planner(catalog).PlanAsync(request, default);

        Assert.Contains("raise staging.part_size_mb to at least 2,051 (now 1)", manifest.Tables.Single().PlanError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2006-01-01", "2026-01-01", 7_306, "7,306 partitions", "partition: {type: MONTH} or YEAR")]
    [InlineData("2006-01-01 00:00:00", "2026-01-01 13:45:10", 4_001, "4,001 partitions", "partition: {type: MONTH} or YEAR")]
    public async Task A_bigquery_table_whose_rows_span_more_partitions_than_one_job_may_modify_is_refused_before_anything_is_read(string min, string max, long partitions, string count, string fix)
    {
        var catalog = new FakeSourceCatalog().With("events", rows: 10_000, bytes: 1_000_000);
        catalog.PartitionColumns["events"] = (new ColumnRange(min, max), partitions);
        var table = TestManifests.Table("events") with { Partition = new PartitionSpec("created_on", TimePartitionType.Day, null) };
        var request = TestManifests.Request(4, table) with { Destination = new DestinationSummary(DestinationType.BigQuery, "p", "raw", "US") };

        var manifest = await Planner(catalog).PlanAsync(request, default);

        var planned = manifest.Tables.Single();
        Assert.Empty(planned.Items);
        Assert.Contains($"shop.events would write {count} of events (column created_on, DAY; its values run from {min} to {max})", planned.PlanError, StringComparison.Ordinal);
        Assert.Contains("more than 4,000 partitions", planned.PlanError, StringComparison.Ordinal);
        Assert.Contains(fix, planned.PlanError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TimePartitionType.Day, "2015-01-01", "2026-01-01", 300)]
    [InlineData(TimePartitionType.Month, "1900-01-01", "2026-01-01", 1_513)]
    [InlineData(TimePartitionType.Day, "2015-01-02", "2025-12-31", 4_000)]
    public async Task A_partitioned_table_within_the_per_job_partition_limit_is_planned(TimePartitionType unit, string min, string max, long partitions)
    {
        var catalog = new FakeSourceCatalog().With("events", rows: 10_000, bytes: 1_000_000);
        catalog.PartitionColumns["events"] = (new ColumnRange(min, max), partitions);
        var table = TestManifests.Table("events") with { Partition = new PartitionSpec("created_on", unit, null) };
        var request = TestManifests.Request(4, table) with { Destination = new DestinationSummary(DestinationType.BigQuery, "p", "raw", "US") };

        var manifest = await Planner(catalog).PlanAsync(request, default);

        Assert.Null(manifest.Tables.Single().PlanError);
    }

    [Theory]
    [InlineData("2026-01-01", "2026-01-01", TimePartitionType.Day, 1L)]
    [InlineData("2006-01-01", "2026-01-01", TimePartitionType.Day, 7_306L)]
    [InlineData("2026-11-21 00:00:00", "2026-11-22 23:59:59.999999", TimePartitionType.Hour, 48L)]
    [InlineData("2025-12-31", "2026-01-01", TimePartitionType.Month, 2L)]
    [InlineData("1000-01-01", "9999-12-31", TimePartitionType.Year, 9_000L)]
    [InlineData("0000-00-00", "2026-01-01", TimePartitionType.Day, null)]
    public void The_span_counts_every_partition_from_the_lowest_value_to_the_highest(string min, string max, TimePartitionType unit, long? expected)
        => Assert.Equal(expected, PartitionBudget.Span(new PartitionSpec("at", unit, null), min, max));

    [Theory]
    [InlineData(0, 99, 10L)]
    [InlineData(-50, 5, 2L)]
    [InlineData(95, 500, 2L)]
    public void The_span_of_an_integer_range_counts_values_outside_it_as_one_more_partition(long min, long max, long expected)
        => Assert.Equal(expected, PartitionBudget.Span(new PartitionSpec("n", null, new IntegerRange(0, 100, 10)), min.ToString(CultureInfo.InvariantCulture), max.ToString(CultureInfo.InvariantCulture)));

    [Fact]
    public async Task A_stage_only_run_plans_rows_over_chunk_rows_chunks_since_no_load_job_quota_applies()
    {
        var catalog = new FakeSourceCatalog().With("orders", rows: 100_000, bytes: 10_000_000, range: new KeyRange(1, 100_000));

        var manifest = await Planner(catalog).PlanAsync(TestManifests.Request(4, TestManifests.Table("orders", chunkRows: 10)), default);

        var table = manifest.Tables.Single();
        Assert.Null(table.PlanError);
        Assert.Equal(10_000, table.Items.Count);
        Assert.All(table.Items, item => Assert.Equal(10, item.EstimatedRows));
    }

    [Fact]
    public async Task An_integer_watermark_reads_again_the_lookback_number_of_values_below_it()
    {
        await new WatermarkStore(_documents).WriteAsync("shop_daily", "events", new Watermark("id", "12345", "r0", DateTimeOffset.UnixEpoch), default);
        var catalog = new FakeSourceCatalog().With("events", 10, 100, max: "20000");

        var manifest = await Planner(catalog).PlanAsync(TestManifests.Request(1, TestManifests.Table("events", incremental: "id", mode: LoadMode.Merge, lookback: IncrementalLookback.OfValues(5000))), default);

        Assert.Equal(new IncrementalBounds("id", "7345", "20000"), manifest.Tables.Single().Incremental);
    }

    [Fact]
    public async Task A_duration_lookback_on_an_integer_watermark_fails_the_table_at_plan_time()
    {
        await new WatermarkStore(_documents).WriteAsync("shop_daily", "events", new Watermark("id", "12345", "r0", DateTimeOffset.UnixEpoch), default);
        var catalog = new FakeSourceCatalog().With("events", 10, 100, max: "20000");

        var manifest = await Planner(catalog).PlanAsync(TestManifests.Request(1, TestManifests.Table("events", incremental: "id", lookback: IncrementalLookback.Of(TimeSpan.FromMinutes(10)))), default);

        Assert.Contains("write a number of values", manifest.Tables.Single().PlanError, StringComparison.Ordinal);
    }
}
