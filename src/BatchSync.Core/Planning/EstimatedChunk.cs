using BatchSync.Core.Runs;

namespace BatchSync.Core.Planning;

/// <summary>One planned chunk and the rows the source estimated it holds.</summary>
public sealed record EstimatedChunk(ChunkBounds Bounds, long EstimatedRows);
