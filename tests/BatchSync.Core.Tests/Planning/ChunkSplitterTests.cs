using BatchSync.Core.Planning;

namespace BatchSync.Core.Tests.Planning;

public class ChunkSplitterTests
{
    [Fact]
    public async Task Ids_with_one_far_outlier_are_split_into_balanced_chunks_not_one_full_and_nine_empty()
    {
        long[] keys = [.. Enumerable.Range(1, 1_000_000).Select(i => (long)i), 1_000_000_000_000];

        var chunks = await ChunkSplitter.SplitAsync("id", new KeyRange(1, 1_000_000_000_000), 100_000, Counting(keys), default);

        var rows = chunks.Select(c => Count(keys, c.Bounds.LowerInclusive ?? long.MinValue, c.Bounds.UpperExclusive ?? long.MaxValue)).ToList();
        Assert.Equal(keys.Length, rows.Sum());
        Assert.Equal(11, chunks.Count);
        Assert.True(rows.Max() - rows.Min() <= 1, $"chunks hold {string.Join(", ", rows)} rows");
        Assert.Equal(rows, chunks.Select(c => c.EstimatedRows));
    }

    /// <summary>docs/workflow-reference.md, chunk.rows: ceil(estimated rows / chunk.rows) items of about the same size.</summary>
    [Theory]
    [InlineData(100_000, 10, 10_000)]
    [InlineData(100_000, 7, 14_286)]
    [InlineData(1_000, 1_000, 1)]
    [InlineData(1_001, 1_000, 2)]
    [InlineData(999_999, 100_000, 10)]
    public async Task A_table_is_split_into_its_estimated_rows_over_chunk_rows_rounded_up_chunks_of_equal_size(int rows, long rowsPerChunk, int expected)
    {
        long[] keys = [.. Enumerable.Range(1, rows).Select(i => (long)i)];

        var chunks = await ChunkSplitter.SplitAsync("id", new KeyRange(1, rows), rowsPerChunk, Counting(keys), default);

        Assert.Equal(expected, chunks.Count);
        var read = chunks.Select(c => Count(keys, c.Bounds.LowerInclusive ?? long.MinValue, c.Bounds.UpperExclusive ?? long.MaxValue)).ToList();
        Assert.Equal(rows, read.Sum());
        Assert.True(read.Max() <= rowsPerChunk && read.Max() - read.Min() <= 1, $"chunks hold {string.Join(", ", read.Distinct())} rows");
    }

    [Fact]
    public async Task Where_one_key_value_holds_more_rows_than_a_chunk_that_value_stays_in_one_chunk()
    {
        // A composite primary key whose leading column repeats: 500 rows under key 10, 10 rows under each other key.
        long[] keys = [.. Enumerable.Range(1, 20).SelectMany(k => Enumerable.Repeat((long)k, k == 10 ? 500 : 10))];

        var chunks = await ChunkSplitter.SplitAsync("order_id", new KeyRange(1, 20), 100, Counting(keys), default);

        var read = chunks.Select(c => Count(keys, c.Bounds.LowerInclusive ?? long.MinValue, c.Bounds.UpperExclusive ?? long.MaxValue)).ToList();
        Assert.Equal(keys.Length, read.Sum());
        Assert.Contains(chunks, c => c.Bounds.LowerInclusive == 10 && c.Bounds.UpperExclusive == 11);
        Assert.True(chunks.Count < 7, $"{chunks.Count} chunks");
        Assert.Equal(read, chunks.Select(c => c.EstimatedRows));
    }

    [Fact]
    public async Task Chunks_cover_every_key_once_first_without_lower_and_last_without_upper_bound()
    {
        long[] keys = [.. Enumerable.Range(0, 5_000).Select(i => (long)i * i)];

        var chunks = await ChunkSplitter.SplitAsync("id", new KeyRange(0, keys[^1]), 300, Counting(keys), default);

        Assert.Null(chunks[0].Bounds.LowerInclusive);
        Assert.Null(chunks[^1].Bounds.UpperExclusive);
        for (var i = 1; i < chunks.Count; i++)
        {
            Assert.Equal(chunks[i - 1].Bounds.UpperExclusive, chunks[i].Bounds.LowerInclusive);
        }

        Assert.All(keys, key => Assert.Single(chunks, c => (c.Bounds.LowerInclusive is null || key >= c.Bounds.LowerInclusive) && (c.Bounds.UpperExclusive is null || key < c.Bounds.UpperExclusive)));
        Assert.All(chunks, c => Assert.True(c.EstimatedRows <= 300));
    }

    [Fact]
    public async Task A_table_within_one_chunk_stays_one_item_without_bounds()
    {
        var chunks = await ChunkSplitter.SplitAsync("id", new KeyRange(7, 7), 10, (_, _, _) => Task.FromResult(1L), default);

        Assert.Null(Assert.Single(chunks).Bounds.LowerInclusive);
        Assert.Null(chunks[0].Bounds.UpperExclusive);
    }

    [Fact]
    public async Task Extreme_keys_do_not_overflow()
    {
        var chunks = await ChunkSplitter.SplitAsync(
            "id", new KeyRange(long.MinValue, long.MaxValue), 1_000, (lower, upper, _) => Task.FromResult((long)((upper - lower) >> 50)), default);

        Assert.True(chunks.Count > 1);
        Assert.All(chunks.Skip(1), c => Assert.NotNull(c.Bounds.LowerInclusive));
        Assert.True(chunks.Zip(chunks.Skip(1)).All(pair => pair.First.Bounds.UpperExclusive < (pair.Second.Bounds.UpperExclusive ?? long.MaxValue)));
    }

    private static Func<long, Int128, CancellationToken, Task<long>> Counting(long[] sortedKeys)
        => (lower, upper, _) => Task.FromResult(Count(sortedKeys, lower, upper));

    private static long Count(long[] sortedKeys, long lower, Int128 upperExclusive)
    {
        var from = LowerBound(sortedKeys, lower);
        var to = upperExclusive > long.MaxValue ? sortedKeys.Length : LowerBound(sortedKeys, (long)upperExclusive);
        return to - from;
    }

    /// <summary>The index of the first key not below <paramref name="value"/> (keys may repeat).</summary>
    private static int LowerBound(long[] keys, long value)
    {
        var (low, high) = (0, keys.Length);
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            (low, high) = keys[middle] < value ? (middle + 1, high) : (low, middle);
        }

        return low;
    }
}
