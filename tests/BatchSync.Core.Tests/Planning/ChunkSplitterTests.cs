using BatchSync.Core.Planning;

namespace BatchSync.Core.Tests.Planning;

public class ChunkSplitterTests
{
    [Theory]
    [InlineData(1, 10, 10, 3, 4)]
    [InlineData(1, 1_000_000, 500, 100, 5)]
    [InlineData(1, 1_000_000, 0, 400_000, 3)]
    [InlineData(7, 7, 1, 1, 1)]
    public void Chunks_follow_the_row_estimate_but_never_exceed_the_key_span(long min, long max, long estimate, long perChunk, int expected)
        => Assert.Equal(expected, ChunkSplitter.Split("id", new KeyRange(min, max), estimate, perChunk).Count);

    [Fact]
    public void Extreme_keys_do_not_overflow()
    {
        var chunks = ChunkSplitter.Split("id", new KeyRange(long.MinValue + 1, long.MaxValue - 1), long.MaxValue, long.MaxValue / 4);

        Assert.True(chunks.Count > 1);
        Assert.All(chunks.Skip(1), c => Assert.NotNull(c.LowerInclusive));
    }
}
