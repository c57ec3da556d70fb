using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using BatchSync.BigQuery.Http;
using BatchSync.BigQuery.Tables;
using BatchSync.Core.Schema;
using static BatchSync.BigQuery.Tests.Support.BigQueryTestEnvironment;

namespace BatchSync.BigQuery.Tests;

/// <summary>How the fake treats partitions, as BigQuery documents it (the client's partition landing relies on it).</summary>
public sealed class PartitionLimitTests
{
    private static readonly TableDefinition Daily = new(Schema(("id", BigQueryType.Int64), ("day", BigQueryType.Date)))
    {
        TimePartitioning = new TimePartitioning(TimePartitioningType.Day, "day"),
    };

    private static string Days(int count)
    {
        var csv = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{i},{new DateOnly(2006, 1, 1).AddDays(i):yyyy-MM-dd}\n");
        }

        return csv.ToString();
    }

    [Fact]
    public async Task A_load_job_that_would_modify_more_than_4000_partitions_fails_and_loads_nothing()
    {
        await using var env = await StartAsync();

        var error = await Assert.ThrowsAsync<BigQueryException>(() => env.StageAsync("events_stage", Daily, "run-p1", Days(4001)));
        var rows = await env.StageAsync("events_stage2", Daily, "run-p2", Days(4000));

        Assert.Contains("allowed 4000, query produces at least 4001 partitions", error.Message, StringComparison.Ordinal);
        Assert.Empty(env.Rows("events_stage"));
        Assert.Equal(4000, rows);
    }

    [Fact]
    public async Task A_copy_from_a_partition_decorator_copies_only_that_partitions_rows()
    {
        await using var env = await StartAsync();
        await env.StageAsync("events_stage", Daily, "run-p3", "1,2026-11-20\n2,2026-11-21\n3,2026-11-21\n");
        var copy = new JsonObject
        {
            ["copy"] = new JsonObject
            {
                ["sourceTable"] = Table("events_stage").Partition("20261121").ToJson(),
                ["destinationTable"] = Table("events_copy").ToJson(),
                ["writeDisposition"] = "WRITE_EMPTY",
            },
        };

        var job = await env.Destination.Jobs.InsertAsync(env.Destination.Jobs.Reference("copy_partition_1"), copy, CancellationToken.None);
        await env.Destination.Jobs.WaitAsync(job, "Copying one partition", CancellationToken.None);

        Assert.Equal(["2", "3"], env.Rows("events_copy").Select(row => row["id"]!).Order(StringComparer.Ordinal));
    }
}
