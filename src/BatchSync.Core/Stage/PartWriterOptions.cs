using BatchSync.Core.Stage.Gzip;

namespace BatchSync.Core.Stage;

public sealed record PartWriterOptions
{
    public const int DefaultPartSizeMegabytes = 256;

    /// <summary>Prefix of part names inside the store (for example <c>items/0001/</c>); parts are <c>{prefix}part-00000.csv.gz</c>.</summary>
    public string NamePrefix { get; init; } = "";

    /// <summary>A part is closed at the first chunk boundary after it reaches this compressed size.</summary>
    public long PartSizeBytes { get; init; } = DefaultPartSizeMegabytes * 1024L * 1024;

    public int CompressionLevel { get; init; } = DeflateChunkCompressor.DefaultCompressionLevel;

    /// <summary>Chunks being compressed at once; also bounds the memory held by chunks in flight.</summary>
    public int MaxParallelism { get; init; } = Math.Max(2, Environment.ProcessorCount);
}
