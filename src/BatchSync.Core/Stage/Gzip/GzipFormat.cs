using System.Buffers.Binary;

namespace BatchSync.Core.Stage.Gzip;

/// <summary>The fixed parts of a gzip member (RFC 1952) that a spliced part needs.</summary>
public static class GzipFormat
{
    public const byte Id1 = 0x1f;
    public const byte Id2 = 0x8b;
    public const byte MethodDeflate = 8;

    /// <summary>No flags, no modification time, no extra flags, OS = Unix.</summary>
    public static ReadOnlySpan<byte> Header => [Id1, Id2, MethodDeflate, 0, 0, 0, 0, 0, 0, 3];

    /// <summary>An empty final block with fixed Huffman codes (BFINAL=1, BTYPE=01, end-of-block), padded to a byte.</summary>
    public static ReadOnlySpan<byte> FinalEmptyBlock => [0x03, 0x00];

    public static void WriteTrailer(Span<byte> destination, uint crc32, long uncompressedLength)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(destination, crc32);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], unchecked((uint)uncompressedLength));
    }
}
