namespace BatchSync.Core.Runs;

/// <summary>One gzip CSV part of an item, as staged: <see cref="Bytes"/> before and <see cref="CompressedBytes"/> after compression.</summary>
public sealed record StagedPart(string Name, long Rows, long Bytes, long CompressedBytes, string Sha256);
