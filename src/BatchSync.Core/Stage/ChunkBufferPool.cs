using System.Buffers;

namespace BatchSync.Core.Stage;

/// <summary>
/// The buffers of chunks in flight (uncompressed CSV and compressed deflate bodies). A pool of its own, because
/// chunks are rented on one thread and returned on another: the shared pool keeps only a few such megabyte arrays
/// per core and drops the rest, which then pile up as large-object garbage and make memory grow with the row count.
/// The pipeline bounds how many chunks are in flight, so this pool stays small.
/// </summary>
public static class ChunkBufferPool
{
    public static ArrayPool<byte> Shared { get; } = ArrayPool<byte>.Create(maxArrayLength: 16 * 1024 * 1024, maxArraysPerBucket: 64);
}
