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

    /// <summary>
    /// Opens a committed object for reading from byte <paramref name="offset"/> (a ranged read), or returns null when it
    /// does not exist: a read that dropped halfway resumes where it stopped instead of starting over.
    /// </summary>
    Task<Stream?> OpenReadAsync(string name, long offset, CancellationToken cancellationToken);

    /// <summary>
    /// Withdraws what writers under <paramref name="prefix"/> started but never committed: after a process was killed
    /// (SIGKILL, out of memory, a lost Fargate task) nothing else can. Call it only for a prefix no live writer uses,
    /// such as the folder of an item whose earlier attempt died. Returns how many leftovers were withdrawn.
    /// </summary>
    /// <param name="prefix">A folder-like prefix ending with '/'.</param>
    /// <param name="cancellationToken">Cancels the clean-up.</param>
    Task<int> WithdrawUnfinishedAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>Removes an object if it exists (used to withdraw parts of an export that failed after they were committed).</summary>
    Task DeleteAsync(string name, CancellationToken cancellationToken);
}
