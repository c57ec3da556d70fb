namespace BatchSync.Core.Runs;

/// <summary>
/// One unit of work: a whole table, or one chunk of it. <see cref="Where"/> is the complete filter the lane applies
/// (the table's where, the chunk's key range and the incremental slice, all captured at plan time);
/// <see cref="Order"/> is the item's place in its lane (lanes run their largest items first).
/// </summary>
public sealed record ManifestItem(
    string Id,
    int Lane,
    int Order,
    string? Where,
    ChunkBounds? Chunk,
    long EstimatedRows,
    long EstimatedBytes);
