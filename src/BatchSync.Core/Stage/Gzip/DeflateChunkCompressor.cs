using System.Buffers.Binary;
using System.IO.Compression;

namespace BatchSync.Core.Stage.Gzip;

/// <summary>
/// Compresses a chunk into a deflate body that can be spliced into a larger gzip member (the way pigz does):
/// the chunk goes through its own <see cref="GZipStream"/>, a sync flush ends its deflate data byte-aligned and
/// non-final, and the bytes between the gzip header and that flush point are the body. The member's trailer,
/// written on dispose, supplies the chunk's CRC-32 so the whole part's CRC can be combined without rereading.
/// </summary>
public static class DeflateChunkCompressor
{
    /// <summary>zlib level 2: about 8% smaller than <c>gzip -1</c> output; level 1 is about 27% larger.</summary>
    public const int DefaultCompressionLevel = 2;

    private const int HeaderLength = 10;
    private const int TrailerLength = 8;

    public static DeflateChunk Compress(ReadOnlySpan<byte> data, long rows, int compressionLevel = DefaultCompressionLevel)
    {
        // Deflate never grows data by more than a few bytes per stored 16 KiB block; leave room for that and the framing.
        var buffer = ChunkBufferPool.Shared.Rent(data.Length + (data.Length >> 8) + 1024);
        try
        {
            using var output = new MemoryStream(buffer, 0, buffer.Length, writable: true, publiclyVisible: true);
            long flushedLength;
            using (var gzip = new GZipStream(output, new ZLibCompressionOptions { CompressionLevel = compressionLevel }, leaveOpen: true))
            {
                gzip.Write(data);
                gzip.Flush();
                flushedLength = output.Position;
            }

            var total = (int)output.Position;
            CheckHeader(buffer);
            var crc = BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(total - TrailerLength));
            var size = BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(total - 4));
            if (size != (uint)data.Length)
            {
                throw new InvalidDataException($"The gzip trailer reports {size} input bytes for a chunk of {data.Length}.");
            }

            return new DeflateChunk(buffer, HeaderLength, (int)flushedLength - HeaderLength, crc, data.Length, rows);
        }
        catch
        {
            ChunkBufferPool.Shared.Return(buffer);
            throw;
        }
    }

    /// <summary>The body starts right after a 10-byte header only when no optional header fields are present.</summary>
    private static void CheckHeader(ReadOnlySpan<byte> member)
    {
        if (member[0] != GzipFormat.Id1 || member[1] != GzipFormat.Id2 || member[2] != GzipFormat.MethodDeflate)
        {
            throw new InvalidDataException("The compressor did not produce a gzip member.");
        }

        if (member[3] != 0)
        {
            throw new InvalidDataException($"Unexpected gzip header flags 0x{member[3]:x2}: the chunk body offset would be wrong.");
        }
    }
}
