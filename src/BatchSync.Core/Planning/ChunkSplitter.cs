using BatchSync.Core.Runs;

namespace BatchSync.Core.Planning;

/// <summary>Splits an integer key range into chunks of about <c>rowsPerChunk</c> rows, assuming keys spread evenly.</summary>
public static class ChunkSplitter
{
    /// <summary>The chunks, first without a lower and last without an upper bound.</summary>
    /// <remarks>estimatedRows is the catalog's row estimate; 0 when unknown (then the key span stands in for it).</remarks>
    public static IReadOnlyList<ChunkBounds> Split(string column, KeyRange range, long estimatedRows, long rowsPerChunk)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rowsPerChunk, 1);
        var span = range.Span;
        // An estimate of zero (right after a bulk load) falls back to the key span. The key may be the leading column of a
        // composite key, so rows can exceed the span; a chunk still cannot be narrower than one key value.
        var rows = estimatedRows > 0 ? estimatedRows : span;
        var count = (int)Int128.Clamp(((Int128)rows + rowsPerChunk - 1) / rowsPerChunk, 1, Math.Min(100_000, Math.Max(span, 1)));
        if (count == 1)
        {
            return [new ChunkBounds(column, null, null)];
        }

        // Int128: keys near the ends of BIGINT must not overflow while computing boundaries.
        var step = ((Int128)range.Max - range.Min + count) / count;
        var chunks = new List<ChunkBounds>(count);
        for (var i = 0; i < count; i++)
        {
            long? lower = i == 0 ? null : (long)(range.Min + (i * step));
            long? upper = i == count - 1 ? null : (long)(range.Min + ((i + 1) * step));
            chunks.Add(new ChunkBounds(column, lower, upper));
        }

        return chunks;
    }
}
