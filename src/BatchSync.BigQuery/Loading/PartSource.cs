namespace BatchSync.BigQuery.Loading;

/// <summary>
/// Where the bytes of a part to upload come from: a stream opened at any offset (a ranged read), and the part's length
/// when it is known. A read that drops halfway reopens at the byte it stopped at; a stream that ends before
/// <see cref="Length"/> is a dropped read too, never the end of the part.
/// </summary>
public sealed record PartSource(Func<long, CancellationToken, Task<Stream>> OpenAt, long? Length)
{
    /// <summary>A source that can only be read from its start: opening at an offset reads past the bytes before it.</summary>
    public static PartSource FromStart(Func<CancellationToken, Task<Stream>> open)
    {
        ArgumentNullException.ThrowIfNull(open);
        return new PartSource(
            async (offset, cancellationToken) =>
            {
                var stream = await open(cancellationToken);
                await SkipAsync(stream, offset, cancellationToken);
                return stream;
            },
            Length: null);
    }

    private static async Task SkipAsync(Stream stream, long count, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        for (long skipped = 0; skipped < count;)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, count - skipped)), cancellationToken);
            if (read == 0)
            {
                await stream.DisposeAsync();
                throw new InvalidOperationException($"The upload source ended at byte {skipped}, before byte {count} that BigQuery already holds; the staged part changed since the upload started.");
            }

            skipped += read;
        }
    }
}
