namespace BatchSync.Core.Stage;

/// <summary>A committed object in a staging store.</summary>
/// <param name="Name">The name it was written under, relative to the store.</param>
/// <param name="Uri">Where it can be read: a file path or an object URI.</param>
/// <param name="Length">Its size in bytes.</param>
public sealed record StagedObject(string Name, string Uri, long Length);
