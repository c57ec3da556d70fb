using BatchSync.BigQuery.Finishing;

namespace BatchSync.BigQuery.Warehouse;

/// <summary>The manifest's mode names (as written in workflow files) as the client's <see cref="LoadMode"/>.</summary>
internal static class ManifestLoadModes
{
    public static LoadMode Parse(string mode) => mode switch
    {
        "replace" => LoadMode.Replace,
        "append" => LoadMode.Append,
        "merge" => LoadMode.Merge,
        "delete_in_advance" => LoadMode.DeleteInAdvance,
        _ => throw new ArgumentException($"Load mode '{mode}' is not one BigQuery loading knows (replace, append, merge, delete_in_advance).", nameof(mode)),
    };
}
