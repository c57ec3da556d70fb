
namespace BatchSync.Core.Stage;

/// <summary>
/// A pooled buffer of whole CSV rows waiting to be compressed. Chunks are cut only at row boundaries so every part
/// file holds complete rows. The part writer takes ownership and returns the buffer to the pool.
/// </summary>
public sealed class UncompressedChunk : IDisposable
{
    private byte[]? _buffer;

    private UncompressedChunk(byte[] buffer)
    {
        _buffer = buffer;
    }

    public static UncompressedChunk Rent(int minimumCapacity) => new(ChunkBufferPool.Shared.Rent(minimumCapacity));

    /// <summary>The whole buffer; bytes past <see cref="Length"/> are free space.</summary>
    public byte[] Buffer => _buffer ?? throw new ObjectDisposedException(nameof(UncompressedChunk));

    public int Length { get; set; }

    public long Rows { get; set; }

    public int Capacity => Buffer.Length;

    public int Free => Buffer.Length - Length;

    public ReadOnlySpan<byte> Data => Buffer.AsSpan(0, Length);

    public Span<byte> FreeSpace => Buffer.AsSpan(Length);

    public void Dispose()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ChunkBufferPool.Shared.Return(buffer);
        }
    }
}
