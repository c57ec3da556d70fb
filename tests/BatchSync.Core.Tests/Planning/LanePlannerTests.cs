using BatchSync.Core.Planning;

namespace BatchSync.Core.Tests.Planning;

public class LanePlannerTests
{
    [Theory]
    [InlineData(10, 4, null, 4)]
    [InlineData(2, 4, null, 2)]
    [InlineData(10, 8, 3, 3)]
    [InlineData(0, 4, null, 0)]
    [InlineData(1, 1, 1, 1)]
    public void Lane_count_is_capped_by_items_parallelism_and_connections(int items, int parallelism, int? cap, int expected)
        => Assert.Equal(expected, LanePlanner.LaneCount(items, parallelism, cap));

    [Fact]
    public void Largest_items_are_spread_first_so_lanes_finish_together()
    {
        var items = new[] { ("a", 100L), ("b", 60L), ("c", 50L), ("d", 40L), ("e", 10L) }
            .Select(x => new SizedWork<string>(x.Item1, x.Item2)).ToList();

        var lanes = LanePlanner.Assign(items, 2);

        var totals = lanes.Select(lane => lane.Sum(name => items.Single(i => i.Work == name).EstimatedBytes)).ToList();
        Assert.Equal(items.Sum(i => i.EstimatedBytes), totals.Sum());
        Assert.True(Math.Abs(totals[0] - totals[1]) <= 20, $"lanes unbalanced: {string.Join(", ", totals)}");
        Assert.Equal(items.Select(i => i.Work).Order(), lanes.SelectMany(l => l).Order());
        Assert.All(lanes, lane => Assert.Equal(lane.OrderByDescending(n => items.Single(i => i.Work == n).EstimatedBytes), lane));
    }

    [Fact]
    public void Same_inputs_give_the_same_plan()
    {
        var items = Enumerable.Range(0, 20).Select(i => new SizedWork<int>(i, i % 3)).ToList();

        Assert.Equal(LanePlanner.Assign(items, 4), LanePlanner.Assign(items, 4));
    }

    [Fact]
    public void Every_lane_gets_work_when_there_are_at_least_as_many_items()
    {
        var items = Enumerable.Range(0, 4).Select(i => new SizedWork<int>(i, 0)).ToList();

        Assert.All(LanePlanner.Assign(items, 4), lane => Assert.Single(lane));
    }
}
