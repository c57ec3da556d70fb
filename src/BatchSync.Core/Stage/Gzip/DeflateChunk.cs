namespace BatchSync.Core.Stage.Gzip;

/// <summary>
/// One chunk compressed as a run of non-final deflate blocks that ends byte-aligned, ready to be concatenated with
/// other chunks into one gzip member. Owns a pooled buffer: dispose it after the body is written.
/// </summary>
public sealed class DeflateChunk : IDisposable
{
    private byte[]? _buffer;
    private readonly int _offset;

    internal DeflateChunk(byte[] buffer, int offset, int length, uint crc32, int uncompressedLength, long rows)
    {
        _buffer = buffer;
        _offset = offset;
        Length = length;
        Crc32 = crc32;
        UncompressedLength = uncompressedLength;
        Rows = rows;
    }

    public ReadOnlyMemory<byte> Body => new(_buffer ?? throw new ObjectDisposedException(nameof(DeflateChunk)), _offset, Length);

    public int Length { get; }

    public uint Crc32 { get; }

    public int UncompressedLength { get; }

    public long Rows { get; }

    public void Dispose()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ChunkBufferPool.Shared.Return(buffer);
        }
    }
}
