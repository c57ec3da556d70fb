namespace BatchSync.Core.Runs;

/// <summary>
/// The small text documents of runs (manifest, statuses, reports, state) in the staging store, addressed by key
/// relative to the staging root. Writes replace a document atomically: a reader sees the old or the new text, never half.
/// </summary>
public interface IRunDocuments
{
    /// <summary>The staging root as a user would write it (a folder path or an s3:// URI), for messages and load configurations.</summary>
    string Root { get; }

    /// <summary>Returns the document's text, or null when there is none.</summary>
    Task<string?> ReadAsync(string key, CancellationToken cancellationToken);

    Task WriteAsync(string key, string text, CancellationToken cancellationToken);

    /// <summary>
    /// Removes what writes of documents directly in <paramref name="folder"/> (a key prefix ending in '/', not its
    /// subfolders) started and never committed: a process killed while writing leaves its temporary file in a local
    /// folder. Only for the holder of the run's lease, when nothing else writes there. Returns how many it removed;
    /// a store whose writes cannot be left half done has nothing to remove.
    /// </summary>
    Task<int> WithdrawUnfinishedWritesAsync(string folder, CancellationToken cancellationToken);

    /// <summary>The full address of an object (root + key): a path for a local folder, a URI otherwise.</summary>
    string AddressOf(string key);
}
