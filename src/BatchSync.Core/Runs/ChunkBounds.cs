namespace BatchSync.Core.Runs;

/// <summary>
/// An integer primary-key range <c>[Lower, Upper)</c>. The first chunk has no lower bound and the last no upper bound,
/// so the chunks of a table cover every key (also keys written after planning) with no gap and no overlap.
/// </summary>
public sealed record ChunkBounds(string Column, long? LowerInclusive, long? UpperExclusive);
