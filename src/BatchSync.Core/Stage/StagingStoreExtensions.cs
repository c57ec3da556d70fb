namespace BatchSync.Core.Stage;

public static class StagingStoreExtensions
{
    /// <summary>Writes a small object (a schema, a report) in one go.</summary>
    public static async Task<StagedObject> WriteObjectAsync(this IStagingStore store, string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var writer = await store.OpenWriterAsync(name, cancellationToken);
        await writer.WriteAsync(content, cancellationToken);
        return await writer.CommitAsync(cancellationToken);
    }
}
