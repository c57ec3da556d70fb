using BatchSync.BigQuery.Jobs;

namespace BatchSync.BigQuery.Tests;

public sealed class JobIdsTests
{
    [Fact]
    public void The_same_step_always_gets_the_same_id()
    {
        Assert.Equal(JobIds.Create("2026-11-21T03:00Z", "shop.orders#3", 2, "load"), JobIds.Create("2026-11-21T03:00Z", "shop.orders#3", 2, "load"));
    }

    [Fact]
    public void Ids_hold_only_characters_BigQuery_accepts()
    {
        var id = JobIds.Create("run:1/ä", "db.table$x", 0, "load part");

        Assert.Matches("^[A-Za-z0-9_-]+$", id);
        Assert.StartsWith("batchsync_run_1___db_table_x_p0_load_part_", id, StringComparison.Ordinal);
    }

    [Fact]
    public void Inputs_that_sanitize_alike_still_get_different_ids()
    {
        Assert.NotEqual(JobIds.Create("r", "a.b", 0, "load"), JobIds.Create("r", "a_b", 0, "load"));
        Assert.NotEqual(JobIds.Create("r", "t", 0, "load"), JobIds.Create("r", "t", 1, "load"));
    }

    [Fact]
    public void Long_inputs_are_cut_to_BigQuerys_limit_and_stay_distinct()
    {
        var a = JobIds.Create("r", new string('x', 2000) + "a", 0, "load");
        var b = JobIds.Create("r", new string('x', 2000) + "b", 0, "load");

        Assert.Equal(JobIds.MaxLength, a.Length);
        Assert.NotEqual(a, b);
    }
}
