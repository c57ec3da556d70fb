namespace BatchSync.Core.Stage;

/// <summary>
/// Where exported parts and their metadata are staged before loading: a local folder or an object store.
/// An object becomes visible under its name only when its writer commits, so a failed or cancelled export never
/// leaves an object that looks complete.
/// </summary>
public interface IStagingStore
{
    /// <summary>A human-readable location of the store (a folder path or an s3:// URI), for messages and reports.</summary>
    string Location { get; }

    /// <summary>Starts a new object. Nothing is visible under <paramref name="name"/> until <see cref="IStagedObjectWriter.CommitAsync"/>.</summary>
    /// <param name="name">A relative name with '/' separators, for example <c>part-00000.csv.gz</c>.</param>
    /// <param name="cancellationToken">Cancels opening the object.</param>
    ValueTask<IStagedObjectWriter> OpenWriterAsync(string name, CancellationToken cancellationToken);

    /// <summary>Opens a committed object for reading, streamed from where it is staged, or returns null when it does not exist.</summary>
    Task<Stream?> OpenReadAsync(string name, CancellationToken cancellationToken);

    /// <summary>Removes an object if it exists (used to withdraw parts of an export that failed after they were committed).</summary>
    Task DeleteAsync(string name, CancellationToken cancellationToken);
}
