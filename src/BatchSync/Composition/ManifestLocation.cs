namespace BatchSync.Composition;

/// <summary>A manifest named on the command line (<c>work MANIFEST</c>): its staging root and its key under that root.</summary>
internal sealed record ManifestLocation(string StagingRoot, string Key)
{
    /// <summary>Splits <c>&lt;root&gt;/runs/&lt;workflow&gt;/&lt;run-id&gt;/manifest.json</c>.</summary>
    public static ManifestLocation Parse(string pathOrUri)
    {
        var normalized = pathOrUri.Replace('\\', '/');
        var parts = normalized.Split('/');
        if (parts.Length < 4 || parts[^1] != "manifest.json" || parts[^4] != "runs")
        {
            throw new UsageException($"'{pathOrUri}' is not a run manifest: expected <staging>/runs/<workflow>/<run-id>/manifest.json.");
        }

        var root = string.Join('/', parts[..^4]);
        if (pathOrUri.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
        {
            root += "/";
        }

        return new ManifestLocation(root.Length == 0 ? "." : root, string.Join('/', parts[^4..]));
    }
}
