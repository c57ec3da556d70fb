using BatchSync.BigQuery.Tests.Support;
using BatchSync.Core.Load;
using BatchSync.Core.Work;
using static BatchSync.BigQuery.Tests.Support.BigQueryTestEnvironment;

namespace BatchSync.BigQuery.Tests;

/// <summary>
/// Lanes of one process share a cap on load jobs running into one staging table. The fake holds every load job
/// RUNNING until the test releases it, so "how many run at once" is counted, not timed.
/// </summary>
public sealed class LoadConcurrencyTests
{
    [Fact]
    public async Task One_process_runs_at_most_four_load_jobs_at_once_into_one_staging_table_and_queues_the_rest()
    {
        const int Items = 10;
        const int Cap = 4; // the documented cap (docs/bigquery.md, "Quotas a run plans for")
        await using var env = await StartAsync();
        var manifest = RunTables.Manifest("shop", "run-concurrent", Dataset, "orders", items: Items);
        var table = manifest.Tables[0];
        var staged = new List<ExtractedItem>();
        for (var i = 0; i < Items; i++)
        {
            staged.Add(await RunTables.StageAsync(manifest, $"{i},name {i}\n", i));
        }

        await env.Destination.PrepareAsync(manifest, CancellationToken.None);
        var staging = Table(StagingTableName.Of("orders", "run-concurrent"));
        env.Fake.Options.HoldLoadJobs = true;

        var loads = table.Items.Select((item, i) => Task.Run(() => env.Destination.LoadItemAsync(manifest, table, item, staged[i], CancellationToken.None))).ToList();
        for (var remaining = Items; remaining > 0; remaining -= Cap)
        {
            var running = Math.Min(Cap, remaining);
            // Both counts hold still once reached: the queued loads wait for a slot, the running jobs for the release.
            var settled = SpinWait.SpinUntil(() => env.Fake.HeldLoadJobs(staging.ToString()).Now == running && env.Destination.LoadSlots.Queued(staging) == remaining - running, TimeSpan.FromMinutes(2));
            Assert.True(settled, $"expected {running} load jobs running and {remaining - running} queued; the fake holds {env.Fake.HeldLoadJobs(staging.ToString()).Now}, {env.Destination.LoadSlots.Queued(staging)} queued");
            env.Fake.ReleaseLoadJobs();
        }

        var loaded = await Task.WhenAll(loads);

        Assert.Equal(Cap, env.Fake.HeldLoadJobs(staging.ToString()).Most);
        Assert.All(loaded, rows => Assert.Equal(1, rows));
        Assert.Equal(Items, env.Rows(staging.TableName).Count);
    }
}
