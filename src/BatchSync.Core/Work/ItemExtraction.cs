using BatchSync.Core.Runs;

namespace BatchSync.Core.Work;

/// <summary>One item to extract, with its table (schema, conversion settings) and the staging key prefix its parts go under.</summary>
public sealed record ItemExtraction(RunManifest Manifest, ManifestTable Table, ManifestItem Item, string PartPrefix);
