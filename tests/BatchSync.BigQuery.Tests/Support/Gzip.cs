using System.IO.Compression;
using System.Text;

namespace BatchSync.BigQuery.Tests.Support;

/// <summary>Gzip CSV parts as the export writes them, and stream openers like the staging store hands out.</summary>
internal static class Gzip
{
    public static byte[] Compress(string text)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return output.ToArray();
    }

    public static Func<CancellationToken, Task<Stream>> Opener(byte[] bytes) => _ => Task.FromResult<Stream>(new MemoryStream(bytes, writable: false));

    /// <summary>An opener that counts how often the part was opened.</summary>
    public static Func<CancellationToken, Task<Stream>> CountingOpener(byte[] bytes, Action opened) => _ =>
    {
        opened();
        return Task.FromResult<Stream>(new MemoryStream(bytes, writable: false));
    };
}
