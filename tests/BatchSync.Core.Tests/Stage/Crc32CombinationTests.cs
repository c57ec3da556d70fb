using BatchSync.Core.Stage.Gzip;

namespace BatchSync.Core.Tests.Stage;

public class Crc32CombinationTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    [InlineData(0, 1)]
    [InlineData(13, 1)]
    [InlineData(1000, 4097)]
    [InlineData(65536, 70001)]
    public void Combining_two_crcs_equals_the_crc_of_the_concatenation(int firstLength, int secondLength)
    {
        var random = new Random(firstLength * 31 + secondLength);
        var data = new byte[firstLength + secondLength];
        random.NextBytes(data);

        var combined = Crc32Combination.Combine(
            ReferenceCrc32.Compute(data.AsSpan(0, firstLength)),
            ReferenceCrc32.Compute(data.AsSpan(firstLength)),
            secondLength);

        Assert.Equal(ReferenceCrc32.Compute(data), combined);
    }

    [Fact]
    public void Combining_many_pieces_in_order_equals_the_crc_of_the_whole()
    {
        var random = new Random(7);
        var data = new byte[300_000];
        random.NextBytes(data);
        uint crc = 0;
        var offset = 0;
        while (offset < data.Length)
        {
            var length = Math.Min(random.Next(1, 50_000), data.Length - offset);
            crc = Crc32Combination.Combine(crc, ReferenceCrc32.Compute(data.AsSpan(offset, length)), length);
            offset += length;
        }

        Assert.Equal(ReferenceCrc32.Compute(data), crc);
    }
}
