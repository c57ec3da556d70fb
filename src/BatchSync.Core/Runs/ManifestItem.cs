namespace BatchSync.Core.Runs;

/// <summary>
/// One unit of work: a whole table, or one chunk of it. <see cref="Query"/> is the complete statement the lane runs;
/// <see cref="Order"/> is the item's place in its lane (lanes run their largest items first).
/// </summary>
public sealed record ManifestItem(
    string Id,
    int Lane,
    int Order,
    string Query,
    ChunkBounds? Chunk,
    long EstimatedRows,
    long EstimatedBytes);
