namespace BatchSync.BigQuery.Loading;

/// <summary>Bytes of the upload starting at <see cref="Offset"/>; <see cref="IsLast"/> when the source ends with them.</summary>
internal readonly record struct Chunk(long Offset, ReadOnlyMemory<byte> Bytes, bool IsLast);
