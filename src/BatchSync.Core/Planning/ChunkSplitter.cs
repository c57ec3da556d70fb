using BatchSync.Core.Runs;

namespace BatchSync.Core.Planning;

/// <summary>
/// Splits an integer key range into chunks by where the rows are, not by key width. The source's row estimates first
/// locate the rows: the range estimated to hold the most rows is halved, again and again, until every range holds at
/// most a quarter of a chunk, is one key wide, or the estimate budget is spent. The table's estimated rows are then cut
/// into <c>ceil(rows / rowsPerChunk)</c> chunks of equal estimated size, a cut inside a range placed in proportion to
/// its keys. Ids 1..1,000,000 next to one id of 10^12 with 100,000 rows per chunk become eleven chunks of about 90,909
/// rows, not one chunk with everything and nine empty ones.
/// </summary>
public static class ChunkSplitter
{
    /// <summary>The most row estimates one table's split may ask for; past it the remaining ranges are cut as they are.</summary>
    public const int MaxEstimates = 20_000;

    /// <summary>The most chunks one table is split into.</summary>
    public const int MaxChunks = 100_000;

    /// <summary>Ranges are halved until they hold at most this fraction of a chunk, so a cut's proportional guess is close.</summary>
    private const int PiecesPerChunk = 4;

    /// <summary>
    /// The chunks, first without a lower and last without an upper bound, with the rows each is estimated to hold:
    /// <c>ceil(estimated rows / rowsPerChunk)</c> of them (at most <see cref="MaxChunks"/>), each of about the same
    /// estimated size, so none is estimated above <paramref name="rowsPerChunk"/>. A chunk is at least one key wide, so
    /// where one key value holds more rows than a chunk (a leading key column that is not unique) there are fewer,
    /// larger chunks. <c>estimateRows</c> answers how many rows lie between a lower (inclusive) and upper (exclusive) key.
    /// </summary>
    public static async Task<IReadOnlyList<EstimatedChunk>> SplitAsync(
        string column, KeyRange range, long rowsPerChunk, Func<long, Int128, CancellationToken, Task<long>> estimateRows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(range);
        ArgumentOutOfRangeException.ThrowIfLessThan(rowsPerChunk, 1);
        ArgumentNullException.ThrowIfNull(estimateRows);
        var whole = new KeyPiece(range.Min, (Int128)range.Max + 1, await estimateRows(range.Min, (Int128)range.Max + 1, cancellationToken));
        if (whole.Rows <= rowsPerChunk)
        {
            return [new EstimatedChunk(new ChunkBounds(column, null, null), Math.Max(whole.Rows, 0))];
        }

        var pieces = await LocateRowsAsync(whole, Math.Max(1, rowsPerChunk / PiecesPerChunk), estimateRows, cancellationToken);
        return Cut(column, pieces, rowsPerChunk);
    }

    /// <summary>Halves the fullest range first, so when the budget runs out every range holds about as many rows as the others.</summary>
    private static async Task<List<KeyPiece>> LocateRowsAsync(
        KeyPiece whole, long resolution, Func<long, Int128, CancellationToken, Task<long>> estimateRows, CancellationToken cancellationToken)
    {
        var settled = new List<KeyPiece>();
        var open = new PriorityQueue<KeyPiece, long>();
        void Place(KeyPiece piece)
        {
            if (piece.Rows > resolution && piece.Width > 1)
            {
                open.Enqueue(piece, -piece.Rows);
            }
            else
            {
                settled.Add(piece);
            }
        }

        Place(whole);
        for (var estimates = 1; estimates + 2 <= MaxEstimates && open.TryDequeue(out var piece, out _); estimates += 2)
        {
            var middle = piece.Lower + (piece.Width / 2);
            var lower = estimateRows((long)piece.Lower, middle, cancellationToken);
            var upper = estimateRows((long)middle, piece.Upper, cancellationToken);
            Place(new KeyPiece(piece.Lower, middle, await lower));
            Place(new KeyPiece(middle, piece.Upper, await upper));
        }

        settled.AddRange(open.UnorderedItems.Select(item => item.Element));
        settled.Sort((a, b) => a.Lower.CompareTo(b.Lower));
        return settled;
    }

    /// <summary>
    /// Cuts after every <c>total / count</c> estimated rows. A cut inside a range goes to the key nearest to where the
    /// range's rows would reach it if they were spread evenly over its keys; cuts that land on the same key (one key
    /// holding many rows) merge.
    /// </summary>
    private static List<EstimatedChunk> Cut(string column, List<KeyPiece> pieces, long rowsPerChunk)
    {
        var total = pieces.Sum(piece => Math.Max(piece.Rows, 0));
        var count = (int)Int128.Min(CeilingDivide(total, rowsPerChunk), MaxChunks);
        var cuts = new List<(long Key, Int128 RowsBefore)>();
        Int128 before = 0;
        var next = 1;
        foreach (var piece in pieces.Where(piece => piece.Rows > 0))
        {
            for (; next < count && Boundary(total, count, next) <= before + piece.Rows; next++)
            {
                var key = piece.Lower + RoundedDivide((Boundary(total, count, next) - before) * piece.Width, piece.Rows);
                if (key > (cuts.Count == 0 ? pieces[0].Lower : cuts[^1].Key) && key < pieces[^1].Upper)
                {
                    cuts.Add(((long)key, before + ((key - piece.Lower) * piece.Rows / piece.Width)));
                }
            }

            before += piece.Rows;
        }

        var chunks = new List<EstimatedChunk>(cuts.Count + 1);
        for (var i = 0; i <= cuts.Count; i++)
        {
            var lower = i == 0 ? (long?)null : cuts[i - 1].Key;
            var upper = i == cuts.Count ? (long?)null : cuts[i].Key;
            var rows = (i == cuts.Count ? total : cuts[i].RowsBefore) - (i == 0 ? 0 : cuts[i - 1].RowsBefore);
            chunks.Add(new EstimatedChunk(new ChunkBounds(column, lower, upper), (long)rows));
        }

        return chunks;
    }

    /// <summary>The estimated rows before the <paramref name="index"/>-th cut of <paramref name="count"/> equal chunks.</summary>
    private static Int128 Boundary(long total, int count, int index) => (Int128)total * index / count;

    private static Int128 CeilingDivide(Int128 value, Int128 by) => (value + by - 1) / by;

    /// <summary>The nearest whole quotient: a cut in a one-key range holding many rows goes before or after that key, whichever is closer.</summary>
    private static Int128 RoundedDivide(Int128 value, Int128 by)
    {
        var (quotient, remainder) = Int128.DivRem(value, by);
        return remainder >= by - remainder ? quotient + 1 : quotient;
    }

    /// <summary>Keys from <see cref="Lower"/> (inclusive) to <see cref="Upper"/> (exclusive) and the rows estimated between them.</summary>
    private readonly record struct KeyPiece(Int128 Lower, Int128 Upper, long Rows)
    {
        public Int128 Width => Upper - Lower;
    }
}
