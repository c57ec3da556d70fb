namespace BatchSync.Core.Stage;

/// <summary>
/// Streams one object into a staging store. Bytes arrive in order; <see cref="CommitAsync"/> makes the object
/// visible (a rename for a folder, CompleteMultipartUpload for S3). Disposing a writer that was not committed
/// aborts it and removes whatever was written so far.
/// </summary>
public interface IStagedObjectWriter : IAsyncDisposable
{
    string Name { get; }

    ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken);

    /// <summary>Finishes the object and publishes it under its name.</summary>
    Task<StagedObject> CommitAsync(CancellationToken cancellationToken);
}
