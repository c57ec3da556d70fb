using BatchSync.Core.Runs;

namespace BatchSync.Core.Planning;

/// <summary>
/// Splits an integer key range into chunks of about <c>rowsPerChunk</c> rows by where the rows are, not by key width:
/// ranges the source estimates to hold more rows than a chunk are halved until they do not, then neighbouring ranges
/// are joined up to a chunk's worth. Ids 1..1,000,000 next to one id of 10^12 become ten chunks of 100,000, not one
/// chunk with everything and nine empty ones.
/// </summary>
public static class ChunkSplitter
{
    /// <summary>The most row estimates one table's split may ask for; past it the remaining ranges stay as they are.</summary>
    public const int MaxEstimates = 20_000;

    private const int MaxChunks = 100_000;

    /// <summary>
    /// The chunks, first without a lower and last without an upper bound, with the rows each is estimated to hold.
    /// <c>estimateRows</c> answers how many rows lie between a lower (inclusive) and upper (exclusive) key.
    /// </summary>
    public static async Task<IReadOnlyList<EstimatedChunk>> SplitAsync(
        string column, KeyRange range, long rowsPerChunk, Func<long, Int128, CancellationToken, Task<long>> estimateRows, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rowsPerChunk, 1);
        ArgumentNullException.ThrowIfNull(estimateRows);
        var pieces = new List<(Int128 Lower, Int128 Upper, long Rows)>();
        var pending = new Stack<(Int128 Lower, Int128 Upper)>();
        pending.Push((range.Min, (Int128)range.Max + 1));
        var estimates = 0;
        while (pending.TryPop(out var piece))
        {
            var rows = await estimateRows((long)piece.Lower, piece.Upper, cancellationToken);
            estimates++;
            var width = piece.Upper - piece.Lower;
            if (rows <= rowsPerChunk || width <= 1 || estimates + pending.Count >= MaxEstimates)
            {
                pieces.Add((piece.Lower, piece.Upper, rows));
                continue;
            }

            var middle = piece.Lower + (width / 2);
            // Upper half first on the stack, so pieces come out in key order.
            pending.Push((middle, piece.Upper));
            pending.Push((piece.Lower, middle));
        }

        return Join(column, pieces, rowsPerChunk);
    }

    private static List<EstimatedChunk> Join(string column, List<(Int128 Lower, Int128 Upper, long Rows)> pieces, long rowsPerChunk)
    {
        var groups = new List<(Int128 Lower, long Rows)>();
        foreach (var piece in pieces)
        {
            if (groups.Count == 0 || (groups[^1].Rows > 0 && groups[^1].Rows + piece.Rows > rowsPerChunk && groups.Count < MaxChunks))
            {
                groups.Add((piece.Lower, piece.Rows));
            }
            else
            {
                groups[^1] = (groups[^1].Lower, groups[^1].Rows + piece.Rows);
            }
        }

        return [.. groups.Select((group, i) => new EstimatedChunk(
            new ChunkBounds(column, i == 0 ? null : (long)group.Lower, i == groups.Count - 1 ? null : (long)groups[i + 1].Lower),
            group.Rows))];
    }
}
