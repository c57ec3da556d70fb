using BatchSync.Core.Runs;

namespace BatchSync.Core.Work;

/// <summary>
/// One item to extract, with its table (schema, conversion settings) and the staging key prefix its parts go under.
/// <see cref="Attempt"/> counts the attempts this run has recorded of the item, this one included: only a later attempt
/// can find what an earlier, killed one left under the prefix.
/// </summary>
public sealed record ItemExtraction(RunManifest Manifest, ManifestTable Table, ManifestItem Item, string PartPrefix, int Attempt);
